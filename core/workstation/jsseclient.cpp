// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/jsseclient.h"

QByteArray JsseClient::source()
{
    return QByteArrayLiteral(R"JAVA(// Written by TokenDesk for "Test it" (Java): a TLS client that authenticates with the token key.
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

public class JsseClient {
    public static void main(String[] args) throws Exception {
        byte[] raw = Files.readAllBytes(Path.of(args[2]));
        int n = raw.length;
        while (n > 0 && (raw[n - 1] == '\n' || raw[n - 1] == '\r'))
            n--;
        // JSSE takes the key store password only as a system property (a String).
        System.setProperty("javax.net.ssl.keyStorePassword", new String(raw, 0, n, StandardCharsets.UTF_8));
        Arrays.fill(raw, (byte) 0);
        SSLContext context = SSLContext.getDefault();
        System.clearProperty("javax.net.ssl.keyStorePassword");
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(args[0], Integer.parseInt(args[1]))) {
            socket.startHandshake();
            SSLSession session = socket.getSession();
            System.out.println("JSSE HANDSHAKE OK " + session.getProtocol() + " " + session.getCipherSuite());
            Certificate[] sent = session.getLocalCertificates();
            if (sent == null || sent.length == 0) {
                System.out.println("JSSE SENT NO CLIENT CERTIFICATE: the key store has no key for this server");
                System.exit(3);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sent[0].getEncoded());
            StringBuilder hex = new StringBuilder();
            for (byte b : digest)
                hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02X", b));
            System.out.println("CLIENT CERTIFICATE SHA-256 " + hex);
            // TLS 1.3: the server checks the client's certificate after the handshake; a byte
            // each way makes its verdict part of this connection.
            socket.getOutputStream().write('\n');
            socket.getOutputStream().flush();
        }
    }
}
)JAVA");
}
