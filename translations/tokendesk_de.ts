<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>TokenDesk %1
Qt %2 (built with %3)
%4
p11-kit %5, PKCS#11 %6.%7 headers
Licence: GPL-3.0-or-later</source>
        <translation>TokenDesk %1
Qt %2 (erstellt mit %3)
%4
p11-kit %5, PKCS#11-Header %6.%7
Lizenz: GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>About TokenDesk</source>
        <translation>Über TokenDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;TokenDesk %1&lt;/h2&gt;&lt;p&gt;A keystore manager for PKCS#11 smart cards, USB tokens and HSMs: keys, certificates, PINs and token health, with every write checked afterwards.&lt;/p&gt;&lt;p&gt;Qt %2 · %3 · p11-kit %4 (PKCS#11 %5.%6)&lt;/p&gt;&lt;p&gt;Licence: &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, version 3 or later&lt;/a&gt; (GPL-3.0-or-later). There is no warranty.&lt;/p&gt;&lt;p&gt;The manual: Help → Manual (the README&apos;s sections).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;TokenDesk %1&lt;/h2&gt;&lt;p&gt;Eine Schlüsselverwaltung für PKCS#11-Chipkarten, USB-Token und HSMs: Schlüssel, Zertifikate, PINs und der Zustand des Tokens, wobei jeder Schreibvorgang anschließend geprüft wird.&lt;/p&gt;&lt;p&gt;Qt %2 · %3 · p11-kit %4 (PKCS#11 %5.%6)&lt;/p&gt;&lt;p&gt;Lizenz: &lt;a href=&quot;https://www.gnu.org/licenses/gpl-3.0.html&quot;&gt;GNU General Public License, Version 3 oder später&lt;/a&gt; (GPL-3.0-or-later). Es besteht keine Gewährleistung.&lt;/p&gt;&lt;p&gt;Das Handbuch: Hilfe → Handbuch (die Abschnitte der README).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy versions</source>
        <translation>Versionen &amp;kopieren</translation>
    </message>
</context>
<context>
    <name>AddModuleDialog</name>
    <message>
        <source>Add PKCS#11 module</source>
        <translation>PKCS#11-Modul hinzufügen</translation>
    </message>
    <message>
        <source>Modules registered with p11-kit on this computer:</source>
        <translation>Bei p11-kit registrierte Module auf diesem Computer:</translation>
    </message>
    <message>
        <source> (already shown)</source>
        <translation> (bereits angezeigt)</translation>
    </message>
    <message>
        <source>Or choose the library file of another module, for example /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so (OpenSC), /usr/lib/softhsm/libsofthsm2.so (SoftHSM) or your vendor&apos;s module.</source>
        <translation>Oder wählen Sie die Bibliotheksdatei eines anderen Moduls, zum Beispiel /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so (OpenSC), /usr/lib/softhsm/libsofthsm2.so (SoftHSM) oder das Modul Ihres Herstellers.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei auswählen…</translation>
    </message>
    <message>
        <source>PKCS#11 module</source>
        <translation>PKCS#11-Modul</translation>
    </message>
    <message>
        <source>Shared libraries (*.so *.so.*);;All files (*)</source>
        <translation>Gemeinsame Bibliotheken (*.so *.so.*);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Trying %1 in a separate process…</source>
        <translation>%1 wird in einem eigenen Prozess ausprobiert…</translation>
    </message>
    <message>
        <source>%1 was not added. %2</source>
        <translation>%1 wurde nicht hinzugefügt. %2</translation>
    </message>
    <message>
        <source>Run in a separate process (safer, slower)</source>
        <translation>In einem eigenen Prozess ausführen (sicherer, langsamer)</translation>
    </message>
</context>
<context>
    <name>AtomicFile</name>
    <message>
        <source>TokenDesk could not write %1: %2</source>
        <translation>TokenDesk konnte %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>TokenDesk could not create the folder %1.</source>
        <translation>TokenDesk konnte den Ordner %1 nicht anlegen.</translation>
    </message>
</context>
<context>
    <name>AttributeDump</name>
    <message>
        <source>%1 is %2 bytes long, more than the %3 bytes TokenDesk accepts</source>
        <translation>%1 ist %2 Bytes lang, mehr als die %3 Bytes, die TokenDesk annimmt</translation>
    </message>
    <message>
        <source>it wrote %1 bytes of %2 into a buffer of %3</source>
        <translation>es schrieb %1 Bytes von %2 in einen Puffer von %3</translation>
    </message>
    <message>
        <source>The object is no longer where the list had it; refresh the token and open its attributes again.</source>
        <translation>Das Objekt ist nicht mehr dort, wo die Liste es führte; aktualisieren Sie den Token und öffnen Sie seine Attribute erneut.</translation>
    </message>
</context>
<context>
    <name>AttributeText</name>
    <message>
        <source>(empty name)</source>
        <translation>(leerer Name)</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>%1-bit integer</source>
        <translation>%1-Bit-Ganzzahl</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>token user</source>
        <translation>Token-Benutzer</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>other entity</source>
        <translation>andere Stelle</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>big integer</source>
        <translation>große Ganzzahl</translation>
    </message>
    <message>
        <source>byte array</source>
        <translation>Byte-Folge</translation>
    </message>
    <message>
        <source>(sensitive)</source>
        <translation>(vertraulich)</translation>
    </message>
    <message>
        <source>(the module refused it: %1)</source>
        <translation>(das Modul hat es verweigert: %1)</translation>
    </message>
    <message numerus="yes">
        <source>template of %n attribute(s)</source>
        <translation>
            <numerusform>Vorlage mit %n Attribut</numerusform>
            <numerusform>Vorlage mit %n Attributen</numerusform>
        </translation>
    </message>
    <message>
        <source>template (%1 bytes)</source>
        <translation>Vorlage (%1 Bytes)</translation>
    </message>
    <message>
        <source>UTF-8 string</source>
        <translation>UTF-8-Zeichenkette</translation>
    </message>
    <message>
        <source>DER name</source>
        <translation>DER-Name</translation>
    </message>
    <message>
        <source>DER object identifier</source>
        <translation>DER-Objektkennung (OID)</translation>
    </message>
    <message>
        <source>DER EC parameters</source>
        <translation>DER-EC-Parameter</translation>
    </message>
</context>
<context>
    <name>Attributes</name>
    <message>
        <source>object handle %1</source>
        <translation>Objekt-Handle %1</translation>
    </message>
    <message>
        <source>%1 (handle %2)</source>
        <translation>%1 (Handle %2)</translation>
    </message>
    <message>
        <source>%1 of %2 is %3 bytes long, more than the %4 bytes TokenDesk accepts</source>
        <translation>%1 von %2 ist %3 Bytes lang, mehr als die %4 Bytes, die TokenDesk annimmt</translation>
    </message>
    <message>
        <source>it wrote %1 bytes of %2 of %3 into a buffer of %4</source>
        <translation>es schrieb %1 Bytes von %2 von %3 in einen Puffer von %4</translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <source>Copy &amp;all</source>
        <translation>&amp;Alles kopieren</translation>
    </message>
    <message>
        <source>Attributes of %1</source>
        <translation>Attribute von %1</translation>
    </message>
    <message>
        <source>Reading every attribute of %1 from the token…</source>
        <translation>Alle Attribute von %1 werden vom Token gelesen…</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>The token went away before its attributes were read.</source>
        <translation>Der Token ist verschwunden, bevor seine Attribute gelesen wurden.</translation>
    </message>
    <message>
        <source>Reading attributes</source>
        <translation>Attribute werden gelesen</translation>
    </message>
    <message>
        <source>%1

Raw: %2</source>
        <translation>%1

Rohdaten: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
    <message numerus="yes">
        <source>%n attribute(s) returned by the module. Values it keeps secret are shown as “(sensitive)”; hover over a value for its raw bytes.</source>
        <translation>
            <numerusform>%n Attribut vom Modul geliefert. Werte, die es geheim hält, erscheinen als „(vertraulich)“; halten Sie den Mauszeiger über einen Wert, um seine Rohbytes zu sehen.</numerusform>
            <numerusform>%n Attribute vom Modul geliefert. Werte, die es geheim hält, erscheinen als „(vertraulich)“; halten Sie den Mauszeiger über einen Wert, um seine Rohbytes zu sehen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackUpKeysDialog</name>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>Back up keys</source>
        <translation>Schlüssel sichern</translation>
    </message>
    <message>
        <source>Back up private keys of the SmartCard-HSM with serial number %1 (reader %2). The device exports each key encrypted under its DKEK; the file can be restored only into a device that has the same DKEK.</source>
        <translation>Private Schlüssel des SmartCard-HSM mit der Seriennummer %1 (Leser %2) sichern. Das Gerät gibt jeden Schlüssel unter seinem DKEK verschlüsselt aus; die Datei lässt sich nur in ein Gerät mit demselben DKEK zurückspielen.</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>CKA_ID</source>
        <translation>CKA_ID</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Keys to back up</source>
        <translation>Zu sichernde Schlüssel</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Keys (one file for each key):</source>
        <translation>Schlüssel (eine Datei je Schlüssel):</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>User &amp;PIN:</source>
        <translation>Benutzer-&amp;PIN:</translation>
    </message>
    <message>
        <source>The PIN is sent once for each key. After a wrong PIN nothing more is sent: correct it and press Back up again. Next to each file a note (.txt) records label, CKA_ID, algorithm, key reference and DKEK check value.</source>
        <translation>Die PIN wird für jeden Schlüssel einmal gesendet. Nach einer falschen PIN wird nichts mehr gesendet: Korrigieren Sie sie und klicken Sie erneut auf „Sichern“. Neben jeder Datei hält eine Notiz (.txt) Bezeichnung, CKA_ID, Algorithmus, Schlüsselreferenz und DKEK-Prüfwert fest.</translation>
    </message>
    <message>
        <source>Tick at least one key.</source>
        <translation>Wählen Sie mindestens einen Schlüssel aus.</translation>
    </message>
    <message>
        <source>Choose an existing folder for the backup files.</source>
        <translation>Wählen Sie einen vorhandenen Ordner für die Sicherungsdateien.</translation>
    </message>
    <message>
        <source>Enter the user PIN.</source>
        <translation>Geben Sie die Benutzer-PIN ein.</translation>
    </message>
    <message>
        <source>Folder for the backup files</source>
        <translation>Ordner für die Sicherungsdateien</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the device: backing up %n key(s)…</source>
        <translation>
            <numerusform>Warten auf das Gerät: %n Schlüssel wird gesichert…</numerusform>
            <numerusform>Warten auf das Gerät: %n Schlüssel werden gesichert…</numerusform>
        </translation>
    </message>
    <message>
        <source>The card in reader %1 is not this token&apos;s device (serial number %2): nothing was sent and nothing was written.</source>
        <translation>Die Karte im Leser %1 ist nicht das Gerät dieses Tokens (Seriennummer %2): Es wurde nichts gesendet und nichts geschrieben.</translation>
    </message>
    <message>
        <source>Reading the device</source>
        <translation>Das Gerät wird gelesen</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>Dateien ersetzen?</translation>
    </message>
    <message>
        <source>These files exist already:
%1

Replace them with the new backup?</source>
        <translation>Diese Dateien gibt es bereits:
%1

Sollen sie durch die neue Sicherung ersetzt werden?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Waiting for the device: backing up key %1 of %2 (CKA_ID %3)…</source>
        <translation>Warten auf das Gerät: Schlüssel %1 von %2 (CKA_ID %3) wird gesichert…</translation>
    </message>
    <message>
        <source>“%1” (CKA_ID %2) was not backed up and nothing was written for it: %3</source>
        <translation>„%1“ (CKA_ID %2) wurde nicht gesichert, und dafür wurde nichts geschrieben: %3</translation>
    </message>
    <message>
        <source>%1 appeared while the device was working; it was not replaced.</source>
        <translation>%1 ist entstanden, während das Gerät arbeitete; die Datei wurde nicht ersetzt.</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>kein Zertifikat</translation>
    </message>
    <message>
        <source>X.509 certificate included</source>
        <translation>mit X.509-Zertifikat</translation>
    </message>
    <message>
        <source>the device&apos;s CV request included</source>
        <translation>mit dem CV-Antrag des Geräts</translation>
    </message>
    <message>
        <source>Key reference, DKEK check value</source>
        <translation>Schlüsselreferenz, DKEK-Prüfwert</translation>
    </message>
    <message>
        <source>%1, %2 (%3)</source>
        <translation>%1, %2 (%3)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were written before the backup stopped.</source>
        <translation>
            <numerusform>%n Datei wurde geschrieben, bevor die Sicherung abbrach.</numerusform>
            <numerusform>%n Dateien wurden geschrieben, bevor die Sicherung abbrach.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n key(s). The files are of no use without the DKEK shares: keep them where the shares can be found.</source>
        <translation>
            <numerusform>%n Schlüssel gesichert. Ohne die DKEK-Anteile sind die Dateien nutzlos: Bewahren Sie sie dort auf, wo die Anteile zu finden sind.</numerusform>
            <numerusform>%n Schlüssel gesichert. Ohne die DKEK-Anteile sind die Dateien nutzlos: Bewahren Sie sie dort auf, wo die Anteile zu finden sind.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupCheckCli</name>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the device&apos;s certificate request (no X.509 certificate)</source>
        <translation>der Zertifikatsantrag des Geräts (kein X.509-Zertifikat)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>Check SmartCard-HSM key backups (sc-hsm-tool --wrap-key files) against DKEK share files, without a device.</source>
        <translation>Prüft SmartCard-HSM-Schlüsselsicherungen (Dateien von sc-hsm-tool --wrap-key) gegen DKEK-Anteilsdateien, ohne Gerät.</translation>
    </message>
    <message>
        <source>A key backup file (repeatable; more may follow as arguments).</source>
        <translation>Eine Schlüsselsicherungsdatei (wiederholbar; weitere können als Argumente folgen).</translation>
    </message>
    <message>
        <source>A DKEK share file (repeatable).</source>
        <translation>Eine DKEK-Anteilsdatei (wiederholbar).</translation>
    </message>
    <message>
        <source>Read the share file&apos;s password (one line) from this open file descriptor (0: stdin) instead of the terminal; one share file only.</source>
        <translation>Das Passwort der Anteilsdatei (eine Zeile) aus diesem offenen Dateideskriptor lesen (0: Standardeingabe) statt vom Terminal; nur bei einer Anteilsdatei.</translation>
    </message>
    <message>
        <source>--password-fd takes a file descriptor number and goes with exactly one --dkek-share.</source>
        <translation>--password-fd erwartet die Nummer eines Dateideskriptors und geht nur mit genau einem --dkek-share.</translation>
    </message>
    <message>
        <source>--check-backup needs at least one --dkek-share.</source>
        <translation>--check-backup braucht mindestens ein --dkek-share.</translation>
    </message>
    <message>
        <source>Password of %1: </source>
        <translation>Passwort von %1: </translation>
    </message>
    <message>
        <source>Share %1: check value %2</source>
        <translation>Anteil %1: Prüfwert %2</translation>
    </message>
    <message>
        <source>  Result:      FAILS: %1</source>
        <translation>  Ergebnis:    SCHEITERT: %1</translation>
    </message>
    <message>
        <source>  Result:      opens (DKEK check value %1)</source>
        <translation>  Ergebnis:    öffnet sich (DKEK-Prüfwert %1)</translation>
    </message>
    <message>
        <source>  Opened by:   %1</source>
        <translation>  Geöffnet mit: %1</translation>
    </message>
    <message>
        <source>  Key:         %1</source>
        <translation>  Schlüssel:   %1</translation>
    </message>
    <message>
        <source>  SHA-256:     %1</source>
        <translation>  SHA-256:     %1</translation>
    </message>
    <message>
        <source>  Label:       %1</source>
        <translation>  Label:       %1</translation>
    </message>
    <message>
        <source>  CKA_ID:      %1</source>
        <translation>  CKA_ID:      %1</translation>
    </message>
    <message>
        <source>  Certificate: %1</source>
        <translation>  Zertifikat:  %1</translation>
    </message>
</context>
<context>
    <name>CertImportFilePage</name>
    <message>
        <source>Also import certificates that belong to no key here, as CA or other certificates</source>
        <translation>Auch Zertifikate importieren, die hier zu keinem Schlüssel gehören, als CA- oder sonstige Zertifikate</translation>
    </message>
    <message>
        <source>Import certificates</source>
        <translation>Zertifikate importieren</translation>
    </message>
    <message>
        <source>PEM, DER or PKCS#7 (.p7b/.p7c), one certificate or a whole chain.</source>
        <translation>PEM, DER oder PKCS#7 (.p7b/.p7c), ein einzelnes Zertifikat oder eine ganze Kette.</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der *.p7b *.p7c);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Choose a file, or drop one on the token in the main window.</source>
        <translation>Wählen Sie eine Datei, oder ziehen Sie eine im Hauptfenster auf den Token.</translation>
    </message>
    <message>
        <source>To import it anyway as a CA or other certificate, tick “%1” above.</source>
        <translation>Um es trotzdem als CA- oder sonstiges Zertifikat zu importieren, kreuzen Sie oben „%1“ an.</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be written. The next page shows which, before anything is written.</source>
        <translation>
            <numerusform>%n Zertifikat wird geschrieben. Die nächste Seite zeigt, welches, bevor etwas geschrieben wird.</numerusform>
            <numerusform>%n Zertifikate werden geschrieben. Die nächste Seite zeigt, welche, bevor etwas geschrieben wird.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertImportPlanPage</name>
    <message>
        <source>What will be written</source>
        <translation>Was geschrieben wird</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Check the list, then import.</source>
        <translation>Es wurde noch nichts geschrieben. Prüfen Sie die Liste und importieren Sie dann.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Goes in as</source>
        <translation>Wird abgelegt als</translation>
    </message>
    <message>
        <source>CKA_ID / label</source>
        <translation>CKA_ID / Bezeichnung</translation>
    </message>
    <message>
        <source>paired with key “%1”</source>
        <translation>gepaart mit dem Schlüssel „%1“</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>other certificate (no key)</source>
        <translation>sonstiges Zertifikat (kein Schlüssel)</translation>
    </message>
    <message>
        <source>already on the token as “%1”: skipped</source>
        <translation>bereits als „%1“ auf dem Token: übersprungen</translation>
    </message>
    <message>
        <source>belongs to no key here: left out</source>
        <translation>gehört hier zu keinem Schlüssel: ausgelassen</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be written.</source>
        <translation>
            <numerusform>%n Zertifikat wird geschrieben.</numerusform>
            <numerusform>%n Zertifikate werden geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n certificate(s)</source>
        <translation>
            <numerusform>%n Zertifikat &amp;importieren</numerusform>
            <numerusform>%n Zertifikate &amp;importieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertImportRunPage</name>
    <message>
        <source>Writing to the token</source>
        <translation>Schreiben auf den Token</translation>
    </message>
    <message>
        <source>Certificates imported</source>
        <translation>Zertifikate importiert</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>Der Import ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting for the token…</source>
        <translation>Warten auf den Token…</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Geschrieben: %1</translation>
    </message>
    <message>
        <source>URI of “%1”:</source>
        <translation>URI von „%1“:</translation>
    </message>
    <message>
        <source>Already on the token: %1</source>
        <translation>Bereits auf dem Token: %1</translation>
    </message>
    <message>
        <source>Left out (belongs to no key here): %1</source>
        <translation>Ausgelassen (gehört hier zu keinem Schlüssel): %1</translation>
    </message>
    <message>
        <source>The import was cancelled before it reached the token; nothing was written.</source>
        <translation>Der Import wurde abgebrochen, bevor er den Token erreichte; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>&lt;br&gt;Nothing was left half-written on the token.</source>
        <translation>&lt;br&gt;Auf dem Token wurde nichts halb geschrieben zurückgelassen.</translation>
    </message>
</context>
<context>
    <name>CertImportWizard</name>
    <message>
        <source>Import certificates</source>
        <translation>Zertifikate importieren</translation>
    </message>
</context>
<context>
    <name>CertificateImport</name>
    <message>
        <source>(no label)</source>
        <translation>(keine Bezeichnung)</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>The file holds no certificate.</source>
        <translation>Die Datei enthält kein Zertifikat.</translation>
    </message>
    <message>
        <source>The key “%1” has no ID (CKA_ID), so no program could pair a certificate with it. Give the key an ID first.</source>
        <translation>Der Schlüssel „%1“ hat keine ID (CKA_ID), daher könnte kein Programm ihm ein Zertifikat zuordnen. Geben Sie dem Schlüssel zuerst eine ID.</translation>
    </message>
    <message>
        <source>This certificate&apos;s public key belongs to no key on this token — was the request created on another token or with another key?</source>
        <translation>Der öffentliche Schlüssel dieses Zertifikats gehört zu keinem Schlüssel auf diesem Token — wurde die Anforderung auf einem anderen Token oder mit einem anderen Schlüssel erstellt?</translation>
    </message>
    <message>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <source>This certificate is already on the token (“%1”); nothing was written.</source>
        <translation>Dieses Zertifikat ist bereits auf dem Token („%1“); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>All %1 certificates are already on the token; nothing was written.</source>
        <translation>Alle %1 Zertifikate sind bereits auf dem Token; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>“%1” is already on the token as “%2” and was not written again.</source>
        <translation>„%1“ ist bereits als „%2“ auf dem Token und wurde nicht erneut geschrieben.</translation>
    </message>
    <message>
        <source>The key “%1” already has the certificate “%2” under the same ID; programs may pick either. Delete the old one once the new one works.</source>
        <translation>Der Schlüssel „%1“ hat bereits das Zertifikat „%2“ unter derselben ID; Programme können jedes der beiden wählen. Löschen Sie das alte, sobald das neue funktioniert.</translation>
    </message>
    <message>
        <source>“%1” belongs to no key on this token and is left out.</source>
        <translation>„%1“ gehört zu keinem Schlüssel auf diesem Token und wird ausgelassen.</translation>
    </message>
</context>
<context>
    <name>CertificateSummary</name>
    <message>
        <source>(no subject)</source>
        <translation>(kein Inhaber)</translation>
    </message>
    <message>
        <source>not valid before %1</source>
        <translation>nicht gültig vor %1</translation>
    </message>
    <message>
        <source>expired less than a day ago (%1)</source>
        <translation>vor weniger als einem Tag abgelaufen (%1)</translation>
    </message>
    <message>
        <source>expired 1 day ago (%1)</source>
        <translation>vor 1 Tag abgelaufen (%1)</translation>
    </message>
    <message numerus="yes">
        <source>expired %n days ago (%1)</source>
        <translation>
            <numerusform>vor %n Tag abgelaufen (%1)</numerusform>
            <numerusform>vor %n Tagen abgelaufen (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>expires in less than a day (%1)</source>
        <translation>läuft in weniger als einem Tag ab (%1)</translation>
    </message>
    <message>
        <source>expires in 1 day (%1)</source>
        <translation>läuft in 1 Tag ab (%1)</translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days (%1)</source>
        <translation>
            <numerusform>läuft in %n Tag ab (%1)</numerusform>
            <numerusform>läuft in %n Tagen ab (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateWriter</name>
    <message>
        <source>This token does not store certificate categories; CA certificates are marked only by their content.</source>
        <translation>Dieser Token speichert keine Zertifikatskategorien; CA-Zertifikate sind nur an ihrem Inhalt erkennbar.</translation>
    </message>
    <message>
        <source>The token did not store the certificate “%1” as written; nothing was imported.</source>
        <translation>Der Token hat das Zertifikat „%1“ nicht so gespeichert, wie es geschrieben wurde; es wurde nichts importiert.</translation>
    </message>
</context>
<context>
    <name>ChangePinDialog</name>
    <message>
        <source>&amp;Unblock with SO-PIN…</source>
        <translation>Mit SO-PIN &amp;entsperren…</translation>
    </message>
    <message>
        <source>&amp;Initialize Token…</source>
        <translation>Token &amp;initialisieren…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, serial %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, Seriennummer %4</translation>
    </message>
    <message>
        <source>Waiting for the token…</source>
        <translation>Warten auf den Token…</translation>
    </message>
    <message>
        <source>Change PIN — %1</source>
        <translation>PIN ändern — %1</translation>
    </message>
    <message>
        <source>&amp;Change PIN</source>
        <translation>PIN ä&amp;ndern</translation>
    </message>
    <message>
        <source>Current PIN:</source>
        <translation>Aktuelle PIN:</translation>
    </message>
    <message>
        <source>New PIN:</source>
        <translation>Neue PIN:</translation>
    </message>
    <message>
        <source>Repeat new PIN:</source>
        <translation>Neue PIN wiederholen:</translation>
    </message>
    <message>
        <source>This reader has a PIN pad. After you click Change PIN, enter the current PIN and then the new PIN on the reader when it asks.</source>
        <translation>Dieser Leser hat ein PIN-Pad. Nachdem Sie auf „PIN ändern“ geklickt haben, geben Sie am Leser die aktuelle und dann die neue PIN ein, wenn er danach fragt.</translation>
    </message>
    <message>
        <source>Change SO-PIN — %1</source>
        <translation>SO-PIN ändern — %1</translation>
    </message>
    <message>
        <source>&amp;Change SO-PIN</source>
        <translation>SO-PIN ä&amp;ndern</translation>
    </message>
    <message>
        <source>Current SO-PIN:</source>
        <translation>Aktuelle SO-PIN:</translation>
    </message>
    <message>
        <source>New SO-PIN:</source>
        <translation>Neue SO-PIN:</translation>
    </message>
    <message>
        <source>Repeat new SO-PIN:</source>
        <translation>Neue SO-PIN wiederholen:</translation>
    </message>
    <message>
        <source>This reader has a PIN pad. After you click Change SO-PIN, enter the SO-PIN on the reader to log in, then the current and the new SO-PIN when it asks.</source>
        <translation>Dieser Leser hat ein PIN-Pad. Nachdem Sie auf „SO-PIN ändern“ geklickt haben, geben Sie zur Anmeldung die SO-PIN am Leser ein, dann die aktuelle und die neue SO-PIN, wenn er danach fragt.</translation>
    </message>
    <message>
        <source>The security officer sets a new user PIN with the SO-PIN; this also lifts a lock. The user&apos;s keys and certificates stay.</source>
        <translation>Der Sicherheitsbeauftragte setzt mit der SO-PIN eine neue Benutzer-PIN; das hebt auch eine Sperre auf. Die Schlüssel und Zertifikate des Benutzers bleiben erhalten.</translation>
    </message>
    <message>
        <source>The security officer sets the first user PIN with the SO-PIN.</source>
        <translation>Der Sicherheitsbeauftragte setzt mit der SO-PIN die erste Benutzer-PIN.</translation>
    </message>
    <message>
        <source>Unblock PIN — %1</source>
        <translation>PIN entsperren — %1</translation>
    </message>
    <message>
        <source>Set user PIN — %1</source>
        <translation>Benutzer-PIN setzen — %1</translation>
    </message>
    <message>
        <source>&amp;Unblock PIN</source>
        <translation>PIN &amp;entsperren</translation>
    </message>
    <message>
        <source>&amp;Set PIN</source>
        <translation>PIN &amp;setzen</translation>
    </message>
    <message>
        <source>SO-PIN:</source>
        <translation>SO-PIN:</translation>
    </message>
    <message>
        <source>New user PIN:</source>
        <translation>Neue Benutzer-PIN:</translation>
    </message>
    <message>
        <source>Repeat new user PIN:</source>
        <translation>Neue Benutzer-PIN wiederholen:</translation>
    </message>
    <message>
        <source>This reader has a PIN pad. After you click %1, enter the SO-PIN on the reader, then the new user PIN when it asks.</source>
        <translation>Dieser Leser hat ein PIN-Pad. Nachdem Sie auf „%1“ geklickt haben, geben Sie am Leser die SO-PIN und dann die neue Benutzer-PIN ein, wenn er danach fragt.</translation>
    </message>
    <message>
        <source>A new SO-PIN on this token has %1.</source>
        <translation>Eine neue SO-PIN auf diesem Token hat %1.</translation>
    </message>
    <message>
        <source>A new PIN on this token has %1.</source>
        <translation>Eine neue PIN auf diesem Token hat %1.</translation>
    </message>
    <message>
        <source>The SO-PIN of a SmartCard-HSM / Nitrokey HSM is 16 hexadecimal digits.</source>
        <translation>Die SO-PIN eines SmartCard-HSM / Nitrokey HSM besteht aus 16 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>I understand: if this SO-PIN is wrong, the SO-PIN locks for good.</source>
        <translation>Mir ist bewusst: Ist diese SO-PIN falsch, wird die SO-PIN endgültig gesperrt.</translation>
    </message>
    <message>
        <source>I understand: if this PIN is wrong, the PIN locks.</source>
        <translation>Mir ist bewusst: Ist diese PIN falsch, wird die PIN gesperrt.</translation>
    </message>
    <message>
        <source>Stay logged in to this token afterwards (the PIN itself is not kept)</source>
        <translation>Danach an diesem Token angemeldet bleiben (die PIN selbst wird nicht gespeichert)</translation>
    </message>
    <message>
        <source>You will be logged out of this token: only one of user and security officer can be logged in at a time.</source>
        <translation>Sie werden von diesem Token abgemeldet: Es kann immer nur entweder der Benutzer oder der Sicherheitsbeauftragte angemeldet sein.</translation>
    </message>
    <message>
        <source>The operation was cancelled before it reached the token.</source>
        <translation>Der Vorgang wurde abgebrochen, bevor er den Token erreichte.</translation>
    </message>
    <message>
        <source>The PIN was changed.</source>
        <translation>Die PIN wurde geändert.</translation>
    </message>
    <message>
        <source>The SO-PIN was changed.</source>
        <translation>Die SO-PIN wurde geändert.</translation>
    </message>
    <message>
        <source>The new user PIN is set; the user can log in with it.</source>
        <translation>Die neue Benutzer-PIN ist gesetzt; der Benutzer kann sich damit anmelden.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>CheckDkekSharesDialog</name>
    <message>
        <source>Check DKEK Shares</source>
        <translation>DKEK-Anteile prüfen</translation>
    </message>
    <message>
        <source>Open the share files you will import into the device, each with its password or its custodians&apos; shares. The device combines the shares into its DKEK; the KCV below is what it will show once all of them are imported.</source>
        <translation>Öffnen Sie die Anteilsdateien, die Sie in das Gerät importieren werden, jeweils mit ihrem Passwort oder den Anteilen ihrer Verwahrer. Das Gerät setzt die Anteile zu seinem DKEK zusammen; der Schlüsselprüfwert (KCV) unten ist der, den es anzeigt, sobald alle importiert sind.</translation>
    </message>
    <message>
        <source>DKEK (all shares combined)</source>
        <translation>DKEK (alle Anteile zusammen)</translation>
    </message>
    <message>
        <source>optional, e.g. from sc-hsm-tool or another site</source>
        <translation>optional, z. B. aus sc-hsm-tool oder von einem anderen Standort</translation>
    </message>
    <message>
        <source>Compare with KCV:</source>
        <translation>Mit KCV vergleichen:</translation>
    </message>
    <message>
        <source>No shares opened yet.</source>
        <translation>Noch keine Anteile geöffnet.</translation>
    </message>
    <message>
        <source>1 share: a device with one DKEK share shows this KCV.</source>
        <translation>1 Anteil: Ein Gerät mit einem DKEK-Anteil zeigt diesen KCV.</translation>
    </message>
    <message>
        <source>%1 shares: a device initialized for %1 DKEK shares shows this KCV after importing all of them.</source>
        <translation>%1 Anteile: Ein für %1 DKEK-Anteile initialisiertes Gerät zeigt diesen KCV, nachdem alle importiert wurden.</translation>
    </message>
    <message>
        <source>✔ matches</source>
        <translation>✔ stimmt überein</translation>
    </message>
    <message>
        <source>✘ differs</source>
        <translation>✘ weicht ab</translation>
    </message>
</context>
<context>
    <name>CheckKeyBackupsDialog</name>
    <message>
        <source>Check Key Backups</source>
        <translation>Schlüsselsicherungen prüfen</translation>
    </message>
    <message>
        <source>Check SmartCard-HSM key backups (files made by sc-hsm-tool --wrap-key or TokenDesk) against the DKEK share files you keep, without a device: which shares open each backup, and which key it holds. Private keys are never shown or written.</source>
        <translation>Prüft SmartCard-HSM-Schlüsselsicherungen (Dateien von sc-hsm-tool --wrap-key oder TokenDesk) gegen die DKEK-Anteilsdateien, die Sie aufbewahren, ohne Gerät: welche Anteile jede Sicherung öffnen und welchen Schlüssel sie enthält. Private Schlüssel werden nie angezeigt oder geschrieben.</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Geöffnet mit</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Public key SHA-256</source>
        <translation>SHA-256 des öffentlichen Schlüssels</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>CKA_ID</source>
        <translation>CKA_ID</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Add &amp;Backup Files…</source>
        <translation>&amp;Sicherungsdateien hinzufügen…</translation>
    </message>
    <message>
        <source>R&amp;emove Backup</source>
        <translation>Sicherung ent&amp;fernen</translation>
    </message>
    <message>
        <source>DKEK shares</source>
        <translation>DKEK-Anteile</translation>
    </message>
    <message>
        <source>Add Key Backups</source>
        <translation>Schlüsselsicherungen hinzufügen</translation>
    </message>
    <message>
        <source>Key backups (*.wrap *.bin *.der);;All files (*)</source>
        <translation>Schlüsselsicherungen (*.wrap *.bin *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>✔ Opens (DKEK %1)</source>
        <translation>✔ Öffnet sich (DKEK %1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>the device&apos;s certificate request (no X.509 certificate)</source>
        <translation>der Zertifikatsantrag des Geräts (kein X.509-Zertifikat)</translation>
    </message>
    <message>
        <source>unknown format</source>
        <translation>unbekanntes Format</translation>
    </message>
    <message>
        <source>No backup files added yet.</source>
        <translation>Noch keine Sicherungsdateien hinzugefügt.</translation>
    </message>
    <message>
        <source>Backups that open with these shares: %1 of %2.</source>
        <translation>Sicherungen, die sich mit diesen Anteilen öffnen: %1 von %2.</translation>
    </message>
</context>
<context>
    <name>CheckWorkstationDialog</name>
    <message>
        <source>Check this workstation</source>
        <translation>Diesen Arbeitsplatz prüfen</translation>
    </message>
    <message>
        <source>What Java, OpenSSL, the browsers (NSS), p11-kit and OpenSSH are configured to use for PKCS#11, and what is wrong with it. The same check as tokendesk --check-workstation.</source>
        <translation>Was Java, OpenSSL, die Browser (NSS), p11-kit und OpenSSH für PKCS#11 eingerichtet haben, und was daran nicht stimmt. Dieselbe Prüfung wie tokendesk --check-workstation.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Nothing wrong found in the Java, OpenSSL, NSS, p11-kit and OpenSSH configuration.</source>
        <translation>In der Konfiguration von Java, OpenSSL, NSS, p11-kit und OpenSSH wurde nichts Falsches gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n Problem gefunden.</numerusform>
            <numerusform>%n Probleme gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Behebung: %1</translation>
    </message>
</context>
<context>
    <name>ChooseTokenPage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Choose the Token</source>
        <translation>Token auswählen</translation>
    </message>
    <message>
        <source>Initializing erases everything on the token and gives it a new label and user PIN.</source>
        <translation>Das Initialisieren löscht alles auf dem Token und gibt ihm eine neue Bezeichnung und Benutzer-PIN.</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Steckplatz</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Reading the tokens…</source>
        <translation>Die Token werden gelesen…</translation>
    </message>
    <message>
        <source>No PKCS#11 module is configured. Add one with File → Add module…</source>
        <translation>Kein PKCS#11-Modul ist eingerichtet. Fügen Sie eines über Datei → Modul hinzufügen… hinzu.</translation>
    </message>
    <message>
        <source>Slot ID %1</source>
        <translation>Steckplatz-ID %1</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>kein Token</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>initialized</source>
        <translation>initialisiert</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>nicht initialisiert</translation>
    </message>
    <message>
        <source>write-protected</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>No token found. Insert one and click Refresh.</source>
        <translation>Kein Token gefunden. Stecken Sie einen ein und klicken Sie auf „Aktualisieren“.</translation>
    </message>
    <message>
        <source>Choose the token to initialize.</source>
        <translation>Wählen Sie den Token, der initialisiert werden soll.</translation>
    </message>
    <message>
        <source>This token is not initialized: there is nothing on it to erase.</source>
        <translation>Dieser Token ist nicht initialisiert: Es gibt nichts auf ihm zu löschen.</translation>
    </message>
    <message>
        <source>Counting the objects on it…</source>
        <translation>Die Objekte darauf werden gezählt…</translation>
    </message>
    <message>
        <source>On it now: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Derzeit darauf: &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>You are not logged in, so private objects (usually the private keys) are not listed and not counted: there may be more.</source>
        <translation>Sie sind nicht angemeldet, daher werden private Objekte (meist die privaten Schlüssel) weder aufgeführt noch gezählt: Es können mehr sein.</translation>
    </message>
    <message>
        <source>Its objects could not be counted: %1</source>
        <translation>Seine Objekte konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <source>%1, demo token</source>
        <translation>%1, Demo-Token</translation>
    </message>
</context>
<context>
    <name>ConfirmErasePage</name>
    <message>
        <source>The last step before anything is changed on the token.</source>
        <translation>Der letzte Schritt, bevor etwas auf dem Token geändert wird.</translation>
    </message>
    <message>
        <source>nothing: the token is not initialized</source>
        <translation>nichts: Der Token ist nicht initialisiert</translation>
    </message>
    <message>
        <source>counting the objects on the token…</source>
        <translation>die Objekte auf dem Token werden gezählt…</translation>
    </message>
    <message>
        <source>everything on it: %1</source>
        <translation>alles darauf: %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;Not logged in: private objects (usually the private keys) were not listed and are not in this count. There may be more.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Nicht angemeldet: Private Objekte (meist die privaten Schlüssel) wurden nicht aufgeführt und sind in dieser Zählung nicht enthalten. Es können mehr sein.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>everything on it (the objects could not be counted: %1)</source>
        <translation>alles darauf (die Objekte konnten nicht gezählt werden: %1)</translation>
    </message>
    <message>
        <source>everything on it</source>
        <translation>alles darauf</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>blank token</source>
        <translation>leerer Token</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>%1 %2, serial %3</source>
        <translation>%1 %2, Seriennummer %3</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Steckplatz</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Gelöscht wird</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neue Bezeichnung</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>entered on the reader</source>
        <translation>am Leser eingegeben</translation>
    </message>
    <message>
        <source>stays the same</source>
        <translation>bleibt gleich</translation>
    </message>
    <message>
        <source>set to the one you chose</source>
        <translation>auf die von Ihnen gewählte gesetzt</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on this token will be erased for good.&lt;/b&gt; Keys cannot be recovered, and whatever they protect (signatures, encrypted mail, logins) stops working unless you have a backup.</source>
        <translation>&lt;b&gt;Alles auf diesem Token wird endgültig gelöscht.&lt;/b&gt; Schlüssel lassen sich nicht wiederherstellen, und alles, was sie schützen (Signaturen, verschlüsselte E-Mails, Anmeldungen), funktioniert nicht mehr, sofern Sie keine Sicherung haben.</translation>
    </message>
    <message>
        <source>The token will be initialized with the label and PINs above.</source>
        <translation>Der Token wird mit der Bezeichnung und den PINs oben initialisiert.</translation>
    </message>
    <message>
        <source>To confirm, type the token&apos;s current label &lt;b&gt;%1&lt;/b&gt; or its serial number &lt;b&gt;%2&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung die aktuelle Bezeichnung des Tokens &lt;b&gt;%1&lt;/b&gt; oder seine Seriennummer &lt;b&gt;%2&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>To confirm, type the new label &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung die neue Bezeichnung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>To confirm, type &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
</context>
<context>
    <name>ConsumerProof</name>
    <message>
        <source>A test is running already.</source>
        <translation>Es läuft bereits ein Test.</translation>
    </message>
    <message>
        <source>IBM MQ&apos;s GSKit cannot be installed here: run the commands shown on a machine with MQ.</source>
        <translation>GSKit von IBM MQ lässt sich hier nicht installieren: Führen Sie die angezeigten Befehle auf einem Rechner mit MQ aus.</translation>
    </message>
    <message>
        <source>Type the token&apos;s PIN first: this program logs in to the token.</source>
        <translation>Geben Sie zuerst die PIN des Tokens ein: Dieses Programm meldet sich am Token an.</translation>
    </message>
    <message>
        <source>TokenDesk cannot create a temporary folder for the test: %1</source>
        <translation>TokenDesk kann keinen temporären Ordner für den Test anlegen: %1</translation>
    </message>
    <message>
        <source>TokenDesk cannot write the PIN file for the test in %1.</source>
        <translation>TokenDesk kann die PIN-Datei für den Test nicht in %1 schreiben.</translation>
    </message>
    <message>
        <source>TokenDesk cannot write the Java configuration for the test.</source>
        <translation>TokenDesk kann die Java-Konfiguration für den Test nicht schreiben.</translation>
    </message>
    <message>
        <source>The token has no certificate with this key&apos;s id: there is no public key to check the signature with.</source>
        <translation>Der Token hat kein Zertifikat mit der ID dieses Schlüssels: Es gibt keinen öffentlichen Schlüssel, mit dem sich die Signatur prüfen ließe.</translation>
    </message>
    <message>
        <source>TokenDesk cannot write the OpenSSL configuration for the test.</source>
        <translation>TokenDesk kann die OpenSSL-Konfiguration für den Test nicht schreiben.</translation>
    </message>
    <message>
        <source>There is no browser certificate database to test: start Chromium or Firefox once.</source>
        <translation>Es gibt keine Zertifikatsdatenbank eines Browsers zum Testen: Starten Sie Chromium oder Firefox einmal.</translation>
    </message>
    <message>
        <source>TokenDesk cannot write its temporary files for the test.</source>
        <translation>TokenDesk kann seine temporären Dateien für den Test nicht schreiben.</translation>
    </message>
    <message>
        <source>%1 could not be started: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2): see its output below.</source>
        <translation>%1 ist fehlgeschlagen (Exit-Status %2): siehe seine Ausgabe unten.</translation>
    </message>
    <message>
        <source>keytool lists a PrivateKeyEntry with the token certificate&apos;s fingerprint %1.</source>
        <translation>keytool listet einen PrivateKeyEntry mit dem Fingerabdruck %1 des Token-Zertifikats.</translation>
    </message>
    <message>
        <source>keytool lists no PrivateKeyEntry: Java sees no key with a certificate.</source>
        <translation>keytool listet keinen PrivateKeyEntry: Java sieht keinen Schlüssel mit Zertifikat.</translation>
    </message>
    <message>
        <source>keytool lists PrivateKeyEntry fingerprints %1, none of them the token certificate&apos;s %2.</source>
        <translation>keytool listet PrivateKeyEntry-Fingerabdrücke %1, keiner davon ist der des Token-Zertifikats (%2).</translation>
    </message>
    <message>
        <source>The signature openssl made does not verify with the certificate&apos;s public key.</source>
        <translation>Die Signatur von openssl ist mit dem öffentlichen Schlüssel des Zertifikats nicht gültig.</translation>
    </message>
    <message>
        <source>certutil lists the token&apos;s certificate and key in %1.</source>
        <translation>certutil listet das Zertifikat und den Schlüssel des Tokens in %1.</translation>
    </message>
    <message>
        <source>certutil does not list a certificate and a key of the token “%1” in %2.</source>
        <translation>certutil listet in %2 kein Zertifikat und keinen Schlüssel des Tokens „%1“.</translation>
    </message>
    <message>
        <source>ssh-keygen -D prints the token&apos;s keys.</source>
        <translation>ssh-keygen -D gibt die Schlüssel des Tokens aus.</translation>
    </message>
    <message>
        <source>ssh-keygen -D prints the certificate&apos;s key.</source>
        <translation>ssh-keygen -D gibt den Schlüssel des Zertifikats aus.</translation>
    </message>
    <message>
        <source>ssh-keygen -D does not print the certificate&apos;s key.</source>
        <translation>ssh-keygen -D gibt den Schlüssel des Zertifikats nicht aus.</translation>
    </message>
    <message>
        <source>p11-kit lists the module as “%1”.</source>
        <translation>p11-kit listet das Modul als „%1“.</translation>
    </message>
    <message>
        <source>p11-kit does not list the module: it reads no user configuration for root.</source>
        <translation>p11-kit listet das Modul nicht: Für root liest es keine Benutzerkonfiguration.</translation>
    </message>
    <message>
        <source>p11-kit does not list the module “%1”: write the setup first.</source>
        <translation>p11-kit listet das Modul „%1“ nicht: Schreiben Sie zuerst die Einrichtung.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The test was canceled.</source>
        <translation>Der Test wurde abgebrochen.</translation>
    </message>
    <message>
        <source>openssl signed with the token key, the signature verifies with the certificate&apos;s public key, and s_client completed a TLS handshake with client authentication on 127.0.0.1: the server received the token&apos;s certificate.</source>
        <translation>openssl hat mit dem Schlüssel des Tokens signiert, die Signatur lässt sich mit dem öffentlichen Schlüssel des Zertifikats prüfen, und s_client hat auf 127.0.0.1 einen TLS-Handshake mit Client-Authentifizierung abgeschlossen: Der Server hat das Zertifikat des Tokens erhalten.</translation>
    </message>
    <message>
        <source>openssl signed with the token key, but s_client did not complete the TLS handshake with the token key: see its output below.</source>
        <translation>openssl hat mit dem Schlüssel des Tokens signiert, aber s_client hat den TLS-Handshake mit dem Schlüssel des Tokens nicht abgeschlossen: siehe seine Ausgabe unten.</translation>
    </message>
    <message>
        <source>s_client completed a TLS handshake, but the server did not receive the token&apos;s certificate.</source>
        <translation>s_client hat einen TLS-Handshake abgeschlossen, aber der Server hat das Zertifikat des Tokens nicht erhalten.</translation>
    </message>
    <message>
        <source>keytool lists a PrivateKeyEntry with the token certificate&apos;s fingerprint %1, and a Java TLS client (JSSE, keyStoreType PKCS11) completed a handshake with client authentication on 127.0.0.1: the server received the token&apos;s certificate.</source>
        <translation>keytool listet einen PrivateKeyEntry mit dem Fingerabdruck %1 des Token-Zertifikats, und ein Java-TLS-Client (JSSE, keyStoreType PKCS11) hat einen Handshake mit Client-Authentifizierung auf 127.0.0.1 abgeschlossen: Der Server hat das Zertifikat des Tokens erhalten.</translation>
    </message>
    <message>
        <source>keytool lists the key, but the Java TLS client did not authenticate with it: see its output below.</source>
        <translation>keytool listet den Schlüssel, aber der Java-TLS-Client hat sich nicht damit authentifiziert: Siehe seine Ausgabe unten.</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>%1 kopieren</translation>
    </message>
</context>
<context>
    <name>CrashedModule</name>
    <message>
        <source>The module %1 did not answer (it was in %2) when TokenDesk was closed on %3. It is not loaded automatically until you try it again; from then on it runs in a separate process, so that a crash or hang cannot take TokenDesk down.</source>
        <translation>Das Modul %1 hat nicht geantwortet (es war in %2), als TokenDesk am %3 geschlossen wurde. Es wird nicht automatisch geladen, bis Sie es erneut versuchen; danach läuft es in einem eigenen Prozess, damit ein Absturz oder Hänger TokenDesk nicht mitreißen kann.</translation>
    </message>
    <message>
        <source>TokenDesk stopped unexpectedly on %1 while the module %2 was in %3. It is not loaded automatically until you try it again; from then on it runs in a separate process, so that a crash or hang cannot take TokenDesk down.</source>
        <translation>TokenDesk wurde am %1 unerwartet beendet, während das Modul %2 in %3 war. Es wird nicht automatisch geladen, bis Sie es erneut versuchen; danach läuft es in einem eigenen Prozess, damit ein Absturz oder Hänger TokenDesk nicht mitreißen kann.</translation>
    </message>
</context>
<context>
    <name>CrashedModulesDialog</name>
    <message>
        <source>Modules skipped after a crash</source>
        <translation>Nach einem Absturz übersprungene Module</translation>
    </message>
    <message>
        <source>These modules stopped TokenDesk or did not answer the last time they were used. They were not loaded, so TokenDesk could start. Try one again if its reader or driver has been fixed.</source>
        <translation>Diese Module haben TokenDesk beendet oder bei ihrer letzten Verwendung nicht geantwortet. Sie wurden nicht geladen, damit TokenDesk starten konnte. Versuchen Sie eines erneut, wenn sein Leser oder Treiber repariert wurde.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>This module is registered with p11-kit; uninstall its package to remove it. Until then TokenDesk keeps skipping it.</source>
        <translation>Dieses Modul ist bei p11-kit registriert; deinstallieren Sie sein Paket, um es zu entfernen. Bis dahin überspringt TokenDesk es weiterhin.</translation>
    </message>
    <message>
        <source>Keep skipped</source>
        <translation>Weiter überspringen</translation>
    </message>
</context>
<context>
    <name>CreateDkekShareWizard</name>
    <message>
        <source>Create DKEK Share</source>
        <translation>DKEK-Anteil erstellen</translation>
    </message>
</context>
<context>
    <name>CreateShareValidator</name>
    <message>
        <source>Choose where to save the DKEK share file.</source>
        <translation>Wählen Sie, wo die DKEK-Anteilsdatei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>“%1” is a folder; enter a file name.</source>
        <translation>„%1“ ist ein Ordner; geben Sie einen Dateinamen ein.</translation>
    </message>
    <message>
        <source>The folder “%1” does not exist.</source>
        <translation>Der Ordner „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>You cannot create files in “%1”.</source>
        <translation>Sie können in „%1“ keine Dateien anlegen.</translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name, or tick “Replace the existing file”.</source>
        <translation>„%1“ existiert bereits. Wählen Sie einen anderen Namen oder kreuzen Sie „Vorhandene Datei ersetzen“ an.</translation>
    </message>
    <message>
        <source>“%1” is not a regular file.</source>
        <translation>„%1“ ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The password must have at least %1 characters.</source>
        <translation>Das Passwort muss mindestens %1 Zeichen haben.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>CsrBuilder</name>
    <message>
        <source>The request signed by the token does not verify with the key&apos;s public key; it was not saved.</source>
        <translation>Die vom Token signierte Anforderung lässt sich mit dem öffentlichen Schlüssel des Schlüssels nicht prüfen; sie wurde nicht gespeichert.</translation>
    </message>
</context>
<context>
    <name>CsrPinPage</name>
    <message>
        <source>PIN for this signature</source>
        <translation>PIN für diese Signatur</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>The key “%1” asks for the PIN for every use. Enter it to sign the request:</source>
        <translation>Der Schlüssel „%1“ verlangt bei jeder Verwendung die PIN. Geben Sie sie ein, um die Anforderung zu signieren:</translation>
    </message>
</context>
<context>
    <name>CsrRequestPage</name>
    <message>
        <source>Use RSA-PSS padding</source>
        <translation>RSA-PSS-Padding verwenden</translation>
    </message>
    <message>
        <source>Certificate signing request</source>
        <translation>Zertifikatsanforderung (CSR)</translation>
    </message>
    <message>
        <source>The request is signed on the token; the private key never leaves it.</source>
        <translation>Die Anforderung wird auf dem Token signiert; der private Schlüssel verlässt ihn nie.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Common name (CN):</source>
        <translation>Allgemeiner Name (CN):</translation>
    </message>
    <message>
        <source>Organization (O):</source>
        <translation>Organisation (O):</translation>
    </message>
    <message>
        <source>Organizational unit (OU):</source>
        <translation>Organisationseinheit (OU):</translation>
    </message>
    <message>
        <source>Locality (L):</source>
        <translation>Ort (L):</translation>
    </message>
    <message>
        <source>State or province (ST):</source>
        <translation>Bundesland oder Provinz (ST):</translation>
    </message>
    <message>
        <source>Country, 2 letters (C):</source>
        <translation>Land, 2 Buchstaben (C):</translation>
    </message>
    <message>
        <source>Email address:</source>
        <translation>E-Mail-Adresse:</translation>
    </message>
    <message>
        <source>One per line: DNS:host.example.com, email:alice@example.com, IP:192.0.2.1, URI:https://…</source>
        <translation>Eine pro Zeile: DNS:host.example.com, email:alice@example.com, IP:192.0.2.1, URI:https://…</translation>
    </message>
    <message>
        <source>Alternative &amp;names:</source>
        <translation>Alternative &amp;Namen:</translation>
    </message>
    <message>
        <source>None (the CA decides)</source>
        <translation>Keine (die Zertifizierungsstelle entscheidet)</translation>
    </message>
    <message>
        <source>&amp;Usage:</source>
        <translation>&amp;Verwendung:</translation>
    </message>
    <message>
        <source>&amp;Digest:</source>
        <translation>&amp;Hashverfahren:</translation>
    </message>
    <message>
        <source>“%1”: start each alternative name with DNS:, email:, IP: or URI:.</source>
        <translation>„%1“: Beginnen Sie jeden alternativen Namen mit DNS:, email:, IP: oder URI:.</translation>
    </message>
    <message>
        <source>There is no private key on this token to sign a request with.</source>
        <translation>Auf diesem Token gibt es keinen privaten Schlüssel, mit dem eine Anforderung signiert werden könnte.</translation>
    </message>
    <message>
        <source>Subject: &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;OpenSSL form: &lt;tt&gt;%2&lt;/tt&gt;</source>
        <translation>Inhaber: &lt;tt&gt;%1&lt;/tt&gt;&lt;br&gt;OpenSSL-Form: &lt;tt&gt;%2&lt;/tt&gt;</translation>
    </message>
</context>
<context>
    <name>CsrResultPage</name>
    <message>
        <source>Save as &amp;PEM…</source>
        <translation>Als &amp;PEM speichern…</translation>
    </message>
    <message>
        <source>Save as &amp;DER…</source>
        <translation>Als &amp;DER speichern…</translation>
    </message>
    <message>
        <source>&amp;Change and try again</source>
        <translation>Ä&amp;ndern und erneut versuchen</translation>
    </message>
    <message>
        <source>Signing the request on the token</source>
        <translation>Die Anforderung wird auf dem Token signiert</translation>
    </message>
    <message>
        <source>Save certificate signing request</source>
        <translation>Zertifikatsanforderung speichern</translation>
    </message>
    <message>
        <source>DER (*.der)</source>
        <translation>DER (*.der)</translation>
    </message>
    <message>
        <source>PEM (*.csr *.pem)</source>
        <translation>PEM (*.csr *.pem)</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Anforderung speichern</translation>
    </message>
    <message>
        <source>Saved to %1. Send it to your certificate authority.</source>
        <translation>In %1 gespeichert. Senden Sie sie an Ihre Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>There is no request to save.</source>
        <translation>Es gibt keine Anforderung zu speichern.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Waiting for the token to sign the request with “%1”…</source>
        <translation>Warten darauf, dass der Token die Anforderung mit „%1“ signiert…</translation>
    </message>
    <message>
        <source>Subject: %1
OpenSSL form: %2
Key: %3

The same with openssl:
%4

%5</source>
        <translation>Inhaber: %1
OpenSSL-Form: %2
Schlüssel: %3

Dasselbe mit openssl:
%4

%5</translation>
    </message>
    <message>
        <source>The request is signed and its signature checked against the key. Save it:</source>
        <translation>Die Anforderung ist signiert und ihre Signatur mit dem Schlüssel geprüft. Speichern Sie sie:</translation>
    </message>
    <message>
        <source>Signing the request was cancelled.</source>
        <translation>Das Signieren der Anforderung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Signing the request</source>
        <translation>Anforderung wird signiert</translation>
    </message>
</context>
<context>
    <name>CsrValidator</name>
    <message>
        <source>%1 is too long: certificates allow at most %2 characters.</source>
        <translation>%1 ist zu lang: Zertifikate erlauben höchstens %2 Zeichen.</translation>
    </message>
    <message>
        <source>Fill in at least the common name (CN).</source>
        <translation>Füllen Sie mindestens den allgemeinen Namen (CN) aus.</translation>
    </message>
    <message>
        <source>The country (C) must be a two-letter ISO 3166 code in capitals, such as GB or DE.</source>
        <translation>Das Land (C) muss ein ISO-3166-Code aus zwei Großbuchstaben sein, etwa GB oder DE.</translation>
    </message>
    <message>
        <source>The state or province (ST)</source>
        <translation>Das Bundesland oder die Provinz (ST)</translation>
    </message>
    <message>
        <source>The locality (L)</source>
        <translation>Der Ort (L)</translation>
    </message>
    <message>
        <source>The organization (O)</source>
        <translation>Die Organisation (O)</translation>
    </message>
    <message>
        <source>The organizational unit (OU)</source>
        <translation>Die Organisationseinheit (OU)</translation>
    </message>
    <message>
        <source>The common name (CN)</source>
        <translation>Der allgemeine Name (CN)</translation>
    </message>
    <message>
        <source>The email address</source>
        <translation>Die E-Mail-Adresse</translation>
    </message>
    <message>
        <source>“%1” is not an email address (name@example.org).</source>
        <translation>„%1“ ist keine E-Mail-Adresse (name@example.org).</translation>
    </message>
    <message>
        <source>An alternative name is empty.</source>
        <translation>Ein alternativer Name ist leer.</translation>
    </message>
    <message>
        <source>“%1”: alternative names cannot contain commas.</source>
        <translation>„%1“: Alternative Namen dürfen keine Kommas enthalten.</translation>
    </message>
    <message>
        <source>“%1” is not a DNS name (letters, digits and hyphens; internationalized names in their xn-- form; a wildcard only as “*.” at the start).</source>
        <translation>„%1“ ist kein DNS-Name (Buchstaben, Ziffern und Bindestriche; internationalisierte Namen in ihrer xn--Form; ein Platzhalter nur als „*.“ am Anfang).</translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 or IPv6 address.</source>
        <translation>„%1“ ist keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <source>“%1” is not a URI (it needs a scheme such as https: and no spaces).</source>
        <translation>„%1“ ist keine URI (sie braucht ein Schema wie https: und keine Leerzeichen).</translation>
    </message>
    <message>
        <source>Only DNS names, email addresses, IP addresses and URIs can be requested as alternative names.</source>
        <translation>Als alternative Namen können nur DNS-Namen, E-Mail-Adressen, IP-Adressen und URIs angefordert werden.</translation>
    </message>
    <message>
        <source>“%1” is not a key usage.</source>
        <translation>„%1“ ist keine Schlüsselverwendung.</translation>
    </message>
    <message>
        <source>“%1” is not an extended key usage (a known name or a dotted OID such as 1.3.6.1.5.5.7.3.2).</source>
        <translation>„%1“ ist keine erweiterte Schlüsselverwendung (ein bekannter Name oder eine OID in Punktschreibweise wie 1.3.6.1.5.5.7.3.2).</translation>
    </message>
    <message>
        <source>RSA-PSS is only for RSA keys.</source>
        <translation>RSA-PSS gibt es nur für RSA-Schlüssel.</translation>
    </message>
    <message>
        <source>TokenDesk signs requests with RSA, EC and Ed25519 keys only.</source>
        <translation>TokenDesk signiert Anforderungen nur mit RSA-, EC- und Ed25519-Schlüsseln.</translation>
    </message>
    <message>
        <source>Only RSA keys can encipher; remove keyEncipherment and dataEncipherment.</source>
        <translation>Nur RSA-Schlüssel können verschlüsseln; entfernen Sie keyEncipherment und dataEncipherment.</translation>
    </message>
</context>
<context>
    <name>CsrWizard</name>
    <message>
        <source>Create certificate signing request</source>
        <translation>Zertifikatsanforderung erstellen</translation>
    </message>
    <message>
        <source>&amp;Sign on token</source>
        <translation>Auf dem Token si&amp;gnieren</translation>
    </message>
</context>
<context>
    <name>DataValue</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>… (%1 bytes in all)</source>
        <translation>… (insgesamt %1 Bytes)</translation>
    </message>
    <message>
        <source>%1 — stored without its DER tag and length, as pkcs11-tool writes it</source>
        <translation>%1 — ohne DER-Tag und -Länge gespeichert, wie pkcs11-tool es schreibt</translation>
    </message>
    <message>
        <source>not an object identifier: %1</source>
        <translation>keine Objektkennung (OID): %1</translation>
    </message>
</context>
<context>
    <name>DeleteObjectsDialog</name>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message>
        <source>Also delete its public key and certificates (they are of no use without the key)</source>
        <translation>Auch seinen öffentlichen Schlüssel und seine Zertifikate löschen (ohne den Schlüssel sind sie nutzlos)</translation>
    </message>
    <message>
        <source>Delete from token</source>
        <translation>Vom Token löschen</translation>
    </message>
    <message>
        <source>Delete &lt;b&gt;%1&lt;/b&gt; from the token with serial number %2?</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; vom Token mit der Seriennummer %2 löschen?</translation>
    </message>
    <message>
        <source>These objects will be deleted:</source>
        <translation>Diese Objekte werden gelöscht:</translation>
    </message>
    <message>
        <source>Deleting cannot be undone. A deleted private key is gone for good, and so is everything that only it could decrypt or sign.</source>
        <translation>Das Löschen lässt sich nicht rückgängig machen. Ein gelöschter privater Schlüssel ist endgültig verloren, und mit ihm alles, was nur er entschlüsseln oder signieren konnte.</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>The deletion was cancelled before it reached the token; nothing was deleted.</source>
        <translation>Das Löschen wurde abgebrochen, bevor es den Token erreichte; es wurde nichts gelöscht.</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n object(s)</source>
        <translation>
            <numerusform>%n Objekt löschen</numerusform>
            <numerusform>%n Objekte löschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the token to delete %n object(s)…</source>
        <translation>
            <numerusform>Warten darauf, dass der Token %n Objekt löscht…</numerusform>
            <numerusform>Warten darauf, dass der Token %n Objekte löscht…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n object(s).</source>
        <translation>
            <numerusform>%n Objekt gelöscht.</numerusform>
            <numerusform>%n Objekte gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoToken</name>
    <message>
        <source>The demo token&apos;s folder %1 could not be created.</source>
        <translation>Der Ordner %1 des Demo-Tokens konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <source>The demo token&apos;s configuration %1 could not be written.</source>
        <translation>Die Konfiguration %1 des Demo-Tokens konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The demo token can only be created with SoftHSM, not with %1.</source>
        <translation>Der Demo-Token kann nur mit SoftHSM erstellt werden, nicht mit %1.</translation>
    </message>
    <message>
        <source>SoftHSM is not using the demo store; the demo token was not created.</source>
        <translation>SoftHSM verwendet nicht den Demo-Speicher; der Demo-Token wurde nicht erstellt.</translation>
    </message>
    <message>
        <source>The demo token already exists.</source>
        <translation>Der Demo-Token existiert bereits.</translation>
    </message>
    <message>
        <source>No free SoftHSM slot for the demo token.</source>
        <translation>Kein freier SoftHSM-Steckplatz für den Demo-Token.</translation>
    </message>
    <message>
        <source>The demo token was initialized but then not found.</source>
        <translation>Der Demo-Token wurde initialisiert, danach aber nicht gefunden.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>This is TokenDesk&apos;s software demo token (SoftHSM). Its PIN is 123456 — never put real keys on it.</source>
        <translation>Dies ist der Software-Demo-Token von TokenDesk (SoftHSM). Seine PIN ist 123456 — legen Sie niemals echte Schlüssel darauf ab.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <source>PIN status</source>
        <translation>PIN-Status</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>PIN length</source>
        <translation>PIN-Länge</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>PIN entry</source>
        <translation>PIN-Eingabe</translation>
    </message>
    <message>
        <source>on the reader&apos;s PIN pad</source>
        <translation>am PIN-Pad des Lesers</translation>
    </message>
    <message>
        <source>on the keyboard</source>
        <translation>über die Tastatur</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objekte</translation>
    </message>
    <message>
        <source>Private objects (usually the private keys) are hidden until you log in.</source>
        <translation>Private Objekte (meist die privaten Schlüssel) sind verborgen, bis Sie sich anmelden.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Initialized</source>
        <translation>Initialisiert</translation>
    </message>
    <message>
        <source>Login required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>User PIN set</source>
        <translation>Benutzer-PIN gesetzt</translation>
    </message>
    <message>
        <source>Write-protected</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Random number generator</source>
        <translation>Zufallszahlengenerator</translation>
    </message>
    <message>
        <source>Public memory</source>
        <translation>Öffentlicher Speicher</translation>
    </message>
    <message>
        <source>Private memory</source>
        <translation>Privater Speicher</translation>
    </message>
    <message>
        <source>Hardware / firmware</source>
        <translation>Hardware / Firmware</translation>
    </message>
    <message>
        <source>All flags</source>
        <translation>Alle Flags</translation>
    </message>
    <message>
        <source>Mechanisms (%1)</source>
        <translation>Mechanismen (%1)</translation>
    </message>
    <message>
        <source>key size %1–%2; </source>
        <translation>Schlüsselgröße %1–%2; </translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>Gespeicherter Wert</translation>
    </message>
    <message>
        <source>1 byte follows the certificate in the stored value. Strict programs reject such a value; export the certificate and write it back without it.</source>
        <translation>Im gespeicherten Wert folgt 1 Byte auf das Zertifikat. Strenge Programme lehnen einen solchen Wert ab; exportieren Sie das Zertifikat und schreiben Sie es ohne dieses Byte zurück.</translation>
    </message>
    <message>
        <source>%1 bytes follow the certificate in the stored value. Strict programs reject such a value; export the certificate and write it back without them.</source>
        <translation>Im gespeicherten Wert folgen %1 Bytes auf das Zertifikat. Strenge Programme lehnen einen solchen Wert ab; exportieren Sie das Zertifikat und schreiben Sie es ohne diese Bytes zurück.</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>Schlüsselverwendung</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>Erweiterte Schlüsselverwendung</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>Alternative Inhabernamen</translation>
    </message>
    <message>
        <source>Certificate authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Self-signed</source>
        <translation>Selbstsigniert</translation>
    </message>
    <message>
        <source>SHA-1 fingerprint</source>
        <translation>SHA-1-Fingerabdruck</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show the certificate</source>
        <translation>Zertifikat anzeigen</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Certificate for</source>
        <translation>Zertifikat für</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Ablauf des Zertifikats</translation>
    </message>
    <message>
        <source>Data object</source>
        <translation>Datenobjekt</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>(not readable)</source>
        <translation>(nicht lesbar)</translation>
    </message>
    <message>
        <source>Object ID</source>
        <translation>Objekt-ID</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>(not readable: private or sensitive)</source>
        <translation>(nicht lesbar: privat oder vertraulich)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>1 byte</source>
        <translation>1 Byte</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Value (text)</source>
        <translation>Wert (Text)</translation>
    </message>
    <message>
        <source>Value (hex)</source>
        <translation>Wert (hex)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>CKA_ID</source>
        <translation>CKA_ID</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Copy URI</source>
        <translation>URI kopieren</translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>PKCS#11 URI</source>
        <translation>PKCS#11-URI</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a module, token or object on the left.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie links ein Modul, einen Token oder ein Objekt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Registered by</source>
        <translation>Registriert von</translation>
    </message>
    <message>
        <source>you (Add module…)</source>
        <translation>Ihnen (Modul hinzufügen…)</translation>
    </message>
    <message>
        <source>p11-kit configuration</source>
        <translation>p11-kit-Konfiguration</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Library version</source>
        <translation>Bibliotheksversion</translation>
    </message>
    <message>
        <source>Cryptoki version</source>
        <translation>Cryptoki-Version</translation>
    </message>
    <message>
        <source>Slots</source>
        <translation>Steckplätze</translation>
    </message>
    <message>
        <source>Quirk</source>
        <translation>Eigenheit</translation>
    </message>
    <message>
        <source>Slot ID</source>
        <translation>Steckplatz-ID</translation>
    </message>
    <message>
        <source>Token present</source>
        <translation>Token vorhanden</translation>
    </message>
    <message>
        <source>Removable</source>
        <translation>Wechselbar</translation>
    </message>
    <message>
        <source>Token error</source>
        <translation>Token-Fehler</translation>
    </message>
    <message>
        <source>Token “%1”</source>
        <translation>Token „%1“</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>The PKCS#11 module reports this token as initialized; the answer above is the device&apos;s own.</source>
        <translation>Das PKCS#11-Modul meldet diesen Token als initialisiert; die Antwort oben ist die des Geräts selbst.</translation>
    </message>
    <message>
        <source>The PKCS#11 module reports this token as not initialized; the answer above is the device&apos;s own.</source>
        <translation>Das PKCS#11-Modul meldet diesen Token als nicht initialisiert; die Antwort oben ist die des Geräts selbst.</translation>
    </message>
    <message>
        <source>PKCS#11 flags (from the module)</source>
        <translation>PKCS#11-Flags (vom Modul)</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>This device was never initialized. Initialize it first (Token ▸ Initialize device…); it has no PIN to log in with until then.</source>
        <translation>Dieses Gerät wurde nie initialisiert. Initialisieren Sie es zuerst (Token ▸ Gerät initialisieren…); bis dahin hat es keine PIN für die Anmeldung.</translation>
    </message>
</context>
<context>
    <name>DisplayField</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>hex %1</source>
        <translation>hex %1</translation>
    </message>
</context>
<context>
    <name>DkekCustodianSharePage</name>
    <message>
        <source>&amp;Show Share</source>
        <translation>Anteil &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Print This Custodian&apos;s Page…</source>
        <translation>Seite dieses Verwahrers &amp;drucken…</translation>
    </message>
    <message>
        <source>Key Custodian %1 of %2</source>
        <translation>Schlüsselverwahrer %1 von %2</translation>
    </message>
    <message>
        <source>Only custodian %1 should see the screen now.</source>
        <translation>Nur Verwahrer %1 sollte jetzt auf den Bildschirm sehen.</translation>
    </message>
    <message>
        <source>Custodian %1: click Show Share and write down all three values exactly, or print your page. Any %2 of the %3 custodians together can open the share file; keep your share secret from the others.</source>
        <translation>Verwahrer %1: Klicken Sie auf „Anteil anzeigen“ und notieren Sie alle drei Werte genau, oder drucken Sie Ihre Seite. Beliebige %2 der %3 Verwahrer können die Anteilsdatei gemeinsam öffnen; halten Sie Ihren Anteil vor den anderen geheim.</translation>
    </message>
    <message>
        <source>Custodian %1 has written down or printed this share</source>
        <translation>Verwahrer %1 hat diesen Anteil notiert oder ausgedruckt</translation>
    </message>
    <message>
        <source>&amp;Hide Share</source>
        <translation>Anteil &amp;verbergen</translation>
    </message>
</context>
<context>
    <name>DkekDerivationPage</name>
    <message>
        <source>Creating the Share</source>
        <translation>Anteil wird erstellt</translation>
    </message>
    <message>
        <source>The share is generated, encrypted and saved.</source>
        <translation>Der Anteil wird erzeugt, verschlüsselt und gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>Deriving the file key from the password with %1 MD5 rounds, as sc-hsm-tool does. This takes a few seconds and makes every password guess as slow for an attacker.</source>
        <translation>Der Dateischlüssel wird wie bei sc-hsm-tool in %1 MD5-Runden aus dem Passwort abgeleitet. Das dauert einige Sekunden und macht jeden Passwort-Rateversuch für einen Angreifer ebenso langsam.</translation>
    </message>
    <message>
        <source>&amp;Cancel Derivation</source>
        <translation>Ableitung &amp;abbrechen</translation>
    </message>
    <message>
        <source>Saving to %1</source>
        <translation>Speichern nach %1</translation>
    </message>
    <message>
        <source>Cancelled. No file was written.</source>
        <translation>Abgebrochen. Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Creating the share failed: %1</source>
        <translation>Das Erstellen des Anteils ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saved %1.
Key check value of the share: %2</source>
        <translation>%1 gespeichert.
Schlüsselprüfwert des Anteils: %2</translation>
    </message>
</context>
<context>
    <name>DkekDestinationPage</name>
    <message>
        <source>Create a DKEK Share</source>
        <translation>Einen DKEK-Anteil erstellen</translation>
    </message>
    <message>
        <source>Choose where to save the new share file.</source>
        <translation>Wählen Sie, wo die neue Anteilsdatei gespeichert werden soll.</translation>
    </message>
    <message>
        <source>A SmartCard-HSM or Nitrokey HSM combines one or more DKEK shares into its Device Key Encryption Key, which protects key backups. Each share is a file protected by a password. Keep the file, its paper backup and its password in separate safe places: anyone with all of them can restore the share.</source>
        <translation>Ein SmartCard-HSM oder Nitrokey HSM setzt einen oder mehrere DKEK-Anteile zu seinem Device Key Encryption Key (DKEK) zusammen, der Schlüsselsicherungen schützt. Jeder Anteil ist eine durch ein Passwort geschützte Datei. Bewahren Sie die Datei, ihre Papiersicherung und ihr Passwort an getrennten sicheren Orten auf: Wer alles zusammen hat, kann den Anteil wiederherstellen.</translation>
    </message>
    <message>
        <source>e.g. dkek-share-1.pbe</source>
        <translation>z. B. dkek-share-1.pbe</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Replace the existing file</source>
        <translation>Vorhandene Datei &amp;ersetzen</translation>
    </message>
    <message>
        <source>The file is written so that only you can read it. sc-hsm-tool and TokenDesk use the same file format.</source>
        <translation>Die Datei wird so geschrieben, dass nur Sie sie lesen können. sc-hsm-tool und TokenDesk verwenden dasselbe Dateiformat.</translation>
    </message>
    <message>
        <source>&amp;Save share as:</source>
        <translation>Anteil &amp;speichern unter:</translation>
    </message>
    <message>
        <source>Save DKEK Share</source>
        <translation>DKEK-Anteil speichern</translation>
    </message>
    <message>
        <source>DKEK share files (*.pbe);;All files (*)</source>
        <translation>DKEK-Anteilsdateien (*.pbe);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>DkekError</name>
    <message>
        <source>The prime is too small; it has been mistyped.</source>
        <translation>Die Primzahl ist zu klein; sie wurde falsch eingegeben.</translation>
    </message>
    <message>
        <source>The prime is not a prime number; it has been mistyped.</source>
        <translation>Die Primzahl ist keine Primzahl; sie wurde falsch eingegeben.</translation>
    </message>
    <message>
        <source>The prime is not a hexadecimal number like ff:0e:2e:17:8f:74:6c:cb.</source>
        <translation>Die Primzahl ist keine Hexadezimalzahl wie ff:0e:2e:17:8f:74:6c:cb.</translation>
    </message>
    <message>
        <source>The share ID must be a number from 1 to 255.</source>
        <translation>Die Anteils-ID muss eine Zahl von 1 bis 255 sein.</translation>
    </message>
    <message>
        <source>The share value is not a hexadecimal number like e6:fb:13:da:9e:fd:45:07.</source>
        <translation>Der Anteilswert ist keine Hexadezimalzahl wie e6:fb:13:da:9e:fd:45:07.</translation>
    </message>
    <message>
        <source>The share value is larger than the prime: it has been mistyped, or it belongs to another prime.</source>
        <translation>Der Anteilswert ist größer als die Primzahl: Er wurde falsch eingegeben, oder er gehört zu einer anderen Primzahl.</translation>
    </message>
    <message>
        <source>Each share value needs a prime and a share ID before it.</source>
        <translation>Vor jedem Anteilswert müssen eine Primzahl und eine Anteils-ID stehen.</translation>
    </message>
    <message>
        <source>No “Share value” line was found.</source>
        <translation>Es wurde keine Zeile „Share value“ gefunden.</translation>
    </message>
    <message>
        <source>Wrong password or not a DKEK share file.</source>
        <translation>Falsches Passwort oder keine DKEK-Anteilsdatei.</translation>
    </message>
    <message>
        <source>The custodian shares do not open this file: a share may be mistyped, more shares may be needed, or the shares belong to another DKEK share file.</source>
        <translation>Die Anteile der Verwahrer öffnen diese Datei nicht: Ein Anteil ist vielleicht falsch eingegeben, es werden mehr Anteile benötigt, oder die Anteile gehören zu einer anderen DKEK-Anteilsdatei.</translation>
    </message>
    <message>
        <source>The file is empty. A DKEK share file has exactly 64 bytes.</source>
        <translation>Die Datei ist leer. Eine DKEK-Anteilsdatei hat genau 64 Bytes.</translation>
    </message>
    <message>
        <source>The file is truncated: it has 1 byte, but a DKEK share file has exactly 64.</source>
        <translation>Die Datei ist abgeschnitten: Sie hat 1 Byte, eine DKEK-Anteilsdatei hat aber genau 64.</translation>
    </message>
    <message>
        <source>The file is truncated: it has %1 bytes, but a DKEK share file has exactly 64.</source>
        <translation>Die Datei ist abgeschnitten: Sie hat %1 Bytes, eine DKEK-Anteilsdatei hat aber genau 64.</translation>
    </message>
    <message>
        <source>The file is too long to be a DKEK share file: it has %1 bytes, but a DKEK share file has exactly 64.</source>
        <translation>Die Datei ist zu lang für eine DKEK-Anteilsdatei: Sie hat %1 Bytes, eine DKEK-Anteilsdatei hat aber genau 64.</translation>
    </message>
    <message>
        <source>This is not a DKEK share file: it does not begin with “Salted__”.</source>
        <translation>Dies ist keine DKEK-Anteilsdatei: Sie beginnt nicht mit „Salted__“.</translation>
    </message>
    <message>
        <source>Could not read “%1”: %2.</source>
        <translation>„%1“ konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>Could not save “%1”: %2.</source>
        <translation>„%1“ konnte nicht gespeichert werden: %2.</translation>
    </message>
    <message>
        <source>“%1” already exists. Choose another name, or allow replacing the file.</source>
        <translation>„%1“ existiert bereits. Wählen Sie einen anderen Namen oder erlauben Sie, die Datei zu ersetzen.</translation>
    </message>
    <message>
        <source>The cryptographic library failed (%1). Please report this as a bug.</source>
        <translation>Die Kryptobibliothek ist fehlgeschlagen (%1). Bitte melden Sie dies als Fehler.</translation>
    </message>
    <message>
        <source>A DKEK share must have exactly 32 bytes.</source>
        <translation>Ein DKEK-Anteil muss genau 32 Bytes haben.</translation>
    </message>
    <message>
        <source>the file read back differs</source>
        <translation>die zurückgelesene Datei weicht ab</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>Es wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <source>Open at least one DKEK share to compute the DKEK.</source>
        <translation>Öffnen Sie mindestens einen DKEK-Anteil, um den DKEK zu berechnen.</translation>
    </message>
    <message>
        <source>The key derivation needs at least one iteration.</source>
        <translation>Die Schlüsselableitung braucht mindestens eine Iteration.</translation>
    </message>
    <message>
        <source>The number of key custodians must be from %1 to %2.</source>
        <translation>Die Anzahl der Schlüsselverwahrer muss zwischen %1 und %2 liegen.</translation>
    </message>
    <message>
        <source>The number of custodians needed must be from %1 to %2 (all of them).</source>
        <translation>Die Anzahl der benötigten Verwahrer muss zwischen %1 und %2 (alle) liegen.</translation>
    </message>
    <message>
        <source>The password to split must have from 1 to 8 bytes.</source>
        <translation>Das aufzuteilende Passwort muss 1 bis 8 Bytes haben.</translation>
    </message>
    <message>
        <source>At least two custodian shares are needed.</source>
        <translation>Es werden mindestens zwei Anteile von Verwahrern benötigt.</translation>
    </message>
    <message>
        <source>The shares show different primes; all shares of one password have the same prime.</source>
        <translation>Die Anteile zeigen verschiedene Primzahlen; alle Anteile eines Passworts haben dieselbe Primzahl.</translation>
    </message>
    <message>
        <source>Share ID %1 was entered twice; each custodian&apos;s share has its own ID.</source>
        <translation>Die Anteils-ID %1 wurde zweimal eingegeben; der Anteil jedes Verwahrers hat seine eigene ID.</translation>
    </message>
    <message>
        <source>The prime has more than %1 bits; it has been mistyped.</source>
        <translation>Die Primzahl hat mehr als %1 Bit; sie wurde falsch eingegeben.</translation>
    </message>
</context>
<context>
    <name>DkekImportPlan</name>
    <message>
        <source>Choose at least one DKEK share file.</source>
        <translation>Wählen Sie mindestens eine DKEK-Anteilsdatei.</translation>
    </message>
    <message>
        <source>%1 is not an opened DKEK share.</source>
        <translation>%1 ist kein geöffneter DKEK-Anteil.</translation>
    </message>
    <message>
        <source>The device does not report a DKEK state; it may not be initialized.</source>
        <translation>Das Gerät meldet keinen DKEK-Zustand; es ist möglicherweise nicht initialisiert.</translation>
    </message>
    <message>
        <source>The device was initialized without DKEK shares, so it takes none. Initialize it again with the number of shares you want to import.</source>
        <translation>Das Gerät wurde ohne DKEK-Anteile initialisiert und nimmt daher keine an. Initialisieren Sie es erneut mit der Anzahl der Anteile, die Sie importieren möchten.</translation>
    </message>
    <message>
        <source>%1 and %2 hold the same share (check value %3); each share counts once.</source>
        <translation>%1 und %2 enthalten denselben Anteil (Prüfwert %3); jeder Anteil zählt nur einmal.</translation>
    </message>
    <message numerus="yes">
        <source>The device already has all %n DKEK shares (check value %1).</source>
        <translation>
            <numerusform>Das Gerät hat bereits seinen %n DKEK-Anteil (Prüfwert %1).</numerusform>
            <numerusform>Das Gerät hat bereits alle %n DKEK-Anteile (Prüfwert %1).</numerusform>
        </translation>
    </message>
    <message>
        <source>The device already has the share in %1 (check value %2).</source>
        <translation>Das Gerät hat bereits den Anteil in %1 (Prüfwert %2).</translation>
    </message>
    <message numerus="yes">
        <source>The device is missing %n share(s), but %1 were chosen.</source>
        <translation>
            <numerusform>Dem Gerät fehlt %n Anteil, aber %1 wurden gewählt.</numerusform>
            <numerusform>Dem Gerät fehlen %n Anteile, aber %1 wurden gewählt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DkekPaperBackup</name>
    <message>
        <source>DKEK share — paper backup</source>
        <translation>DKEK-Anteil — Papiersicherung</translation>
    </message>
    <message>
        <source>SmartCard-HSM / Nitrokey HSM Device Key Encryption Key share. Store this sheet as carefully as the file: together with its password it restores the share.</source>
        <translation>Anteil des Device Key Encryption Key eines SmartCard-HSM / Nitrokey HSM. Bewahren Sie dieses Blatt so sorgfältig auf wie die Datei: Zusammen mit seinem Passwort stellt es den Anteil wieder her.</translation>
    </message>
    <message>
        <source>File name: %1</source>
        <translation>Dateiname: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>Password: random, split among %1 key custodians; any %2 of them can open the file.</source>
        <translation>Passwort: zufällig, aufgeteilt auf %1 Schlüsselverwahrer; beliebige %2 von ihnen können die Datei öffnen.</translation>
    </message>
    <message>
        <source>Password: chosen by its owner; it is not on this sheet.</source>
        <translation>Passwort: von seinem Besitzer gewählt; es steht nicht auf diesem Blatt.</translation>
    </message>
    <message>
        <source>Key check value (KCV) of this share:</source>
        <translation>Schlüsselprüfwert (KCV) dieses Anteils:</translation>
    </message>
    <message>
        <source>File contents, base64 (%1 bytes):</source>
        <translation>Dateiinhalt, Base64 (%1 Bytes):</translation>
    </message>
    <message>
        <source>SHA-256 of the file, to check a retyped copy (“sha256sum share.pbe”):</source>
        <translation>SHA-256 der Datei, um eine abgetippte Kopie zu prüfen („sha256sum share.pbe“):</translation>
    </message>
    <message>
        <source>To restore: type the lines without their numbers into a text file, then run “openssl base64 -d -in share.txt -out share.pbe”. Check the file with TokenDesk (Check DKEK Shares): it must show the KCV above.</source>
        <translation>Zum Wiederherstellen: Tippen Sie die Zeilen ohne ihre Nummern in eine Textdatei und führen Sie dann „openssl base64 -d -in share.txt -out share.pbe“ aus. Prüfen Sie die Datei mit TokenDesk (DKEK-Anteile prüfen): Sie muss den obigen KCV zeigen.</translation>
    </message>
    <message>
        <source>Created by (name, signature)</source>
        <translation>Erstellt von (Name, Unterschrift)</translation>
    </message>
    <message>
        <source>Witness (name, signature)</source>
        <translation>Zeuge (Name, Unterschrift)</translation>
    </message>
    <message>
        <source>Place of storage, date</source>
        <translation>Aufbewahrungsort, Datum</translation>
    </message>
    <message>
        <source>TokenDesk — page for file %1, KCV %2</source>
        <translation>TokenDesk — Seite für Datei %1, KCV %2</translation>
    </message>
    <message>
        <source>Key custodian %1 of %2 — DKEK share password</source>
        <translation>Schlüsselverwahrer %1 von %2 — Passwort des DKEK-Anteils</translation>
    </message>
    <message>
        <source>This page is for one key custodian only. Keep it secret and apart from the other custodians&apos; pages: any %1 of the %2 custodians together can open the DKEK share file.</source>
        <translation>Diese Seite ist nur für einen Schlüsselverwahrer bestimmt. Halten Sie sie geheim und getrennt von den Seiten der anderen Verwahrer: Beliebige %1 der %2 Verwahrer können die DKEK-Anteilsdatei gemeinsam öffnen.</translation>
    </message>
    <message>
        <source>DKEK share file: %1</source>
        <translation>DKEK-Anteilsdatei: %1</translation>
    </message>
    <message>
        <source>KCV of the share: %1</source>
        <translation>KCV des Anteils: %1</translation>
    </message>
    <message>
        <source>To open the share, %1 custodians enter the prime, their share ID and share value: in TokenDesk (Check DKEK Shares → custodian shares), or with “sc-hsm-tool --import-dkek-share %2 --pwd-shares-total %1”.</source>
        <translation>Um den Anteil zu öffnen, geben %1 Verwahrer die Primzahl, ihre Anteils-ID und ihren Anteilswert ein: in TokenDesk (DKEK-Anteile prüfen → Anteile der Verwahrer) oder mit „sc-hsm-tool --import-dkek-share %2 --pwd-shares-total %1“.</translation>
    </message>
    <message>
        <source>Custodian (name, signature)</source>
        <translation>Verwahrer (Name, Unterschrift)</translation>
    </message>
    <message>
        <source>Handed over by (name, signature)</source>
        <translation>Übergeben von (Name, Unterschrift)</translation>
    </message>
    <message>
        <source>Place, date</source>
        <translation>Ort, Datum</translation>
    </message>
    <message>
        <source>TokenDesk — custodian page %1 of %2 for file %3, KCV %4</source>
        <translation>TokenDesk — Verwahrerseite %1 von %2 für Datei %3, KCV %4</translation>
    </message>
    <message>
        <source>DKEK share paper backup</source>
        <translation>Papiersicherung des DKEK-Anteils</translation>
    </message>
    <message>
        <source>Print Paper Backup</source>
        <translation>Papiersicherung drucken</translation>
    </message>
</context>
<context>
    <name>DkekProtectionPage</name>
    <message>
        <source>Protect the Share</source>
        <translation>Den Anteil schützen</translation>
    </message>
    <message>
        <source>Choose how the share file is protected.</source>
        <translation>Wählen Sie, wie die Anteilsdatei geschützt wird.</translation>
    </message>
    <message>
        <source>&amp;Create Share File</source>
        <translation>Anteilsdatei &amp;erstellen</translation>
    </message>
    <message>
        <source>With a &amp;password I choose</source>
        <translation>Mit einem selbst gewählten &amp;Passwort</translation>
    </message>
    <message>
        <source>With a random password &amp;split among key custodians (n-of-m)</source>
        <translation>Mit einem Zufallspasswort, &amp;aufgeteilt auf Schlüsselverwahrer (n von m)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>Passwort wieder&amp;holen:</translation>
    </message>
    <message>
        <source>Anyone with the file can try passwords offline. Use a long passphrase (more than 10 characters, better several words) and keep it apart from the file.</source>
        <translation>Wer die Datei hat, kann offline Passwörter ausprobieren. Verwenden Sie eine lange Passphrase (mehr als 10 Zeichen, besser mehrere Wörter) und bewahren Sie sie getrennt von der Datei auf.</translation>
    </message>
    <message>
        <source>TokenDesk makes a random 8-byte password and splits it so that any %1 of the %2 custodians can rebuild it, and fewer learn nothing. Each custodian&apos;s share is shown on its own page, one at a time, as sc-hsm-tool prints it (prime, share ID, share value). At most %3 custodians: sc-hsm-tool reads share IDs above 9 wrongly.</source>
        <translation>TokenDesk erzeugt ein zufälliges 8-Byte-Passwort und teilt es so auf, dass beliebige %1 der %2 Verwahrer es wiederherstellen können und weniger nichts erfahren. Der Anteil jedes Verwahrers wird auf einer eigenen Seite angezeigt, einer nach dem anderen, so wie sc-hsm-tool ihn ausgibt (Primzahl, Anteils-ID, Anteilswert). Höchstens %3 Verwahrer: sc-hsm-tool liest Anteils-IDs über 9 falsch.</translation>
    </message>
    <message>
        <source>%1 of %2 custodians are needed to open the file</source>
        <translation>%1 von %2 Verwahrern werden zum Öffnen der Datei benötigt</translation>
    </message>
</context>
<context>
    <name>DkekResultPage</name>
    <message>
        <source>DKEK Share Created</source>
        <translation>DKEK-Anteil erstellt</translation>
    </message>
    <message>
        <source>Note the key check value and make a paper backup.</source>
        <translation>Notieren Sie den Schlüsselprüfwert und erstellen Sie eine Papiersicherung.</translation>
    </message>
    <message>
        <source>Key check value (KCV) of this share:</source>
        <translation>Schlüsselprüfwert (KCV) dieses Anteils:</translation>
    </message>
    <message>
        <source>The device shows a KCV after each share is imported; with a single share it equals this one. Use Check DKEK Shares to see the KCV of several shares combined before importing them.</source>
        <translation>Das Gerät zeigt nach jedem importierten Anteil einen KCV; bei einem einzigen Anteil ist er gleich diesem. Mit „DKEK-Anteile prüfen“ sehen Sie den KCV mehrerer Anteile zusammen, bevor Sie sie importieren.</translation>
    </message>
    <message>
        <source>Include one page per key custodian</source>
        <translation>Eine Seite je Schlüsselverwahrer beifügen</translation>
    </message>
    <message>
        <source>The custodian pages together reveal the password. Print them where only their custodian can pick them up, and do not keep a PDF of them.</source>
        <translation>Die Verwahrerseiten zusammen verraten das Passwort. Drucken Sie sie dort, wo nur ihr jeweiliger Verwahrer sie abholen kann, und bewahren Sie kein PDF davon auf.</translation>
    </message>
    <message>
        <source>&amp;Print Paper Backup…</source>
        <translation>Papiersicherung d&amp;rucken…</translation>
    </message>
    <message>
        <source>Save Paper Backup as P&amp;DF…</source>
        <translation>Papiersicherung als P&amp;DF speichern…</translation>
    </message>
    <message>
        <source>It is protected by a random password split among %1 key custodians; any %2 of them can open it.</source>
        <translation>Er ist durch ein Zufallspasswort geschützt, aufgeteilt auf %1 Schlüsselverwahrer; beliebige %2 von ihnen können ihn öffnen.</translation>
    </message>
    <message>
        <source>It is protected by your password.</source>
        <translation>Er ist durch Ihr Passwort geschützt.</translation>
    </message>
    <message>
        <source>The share was saved to %1 on %2 (readable only by you). %3</source>
        <translation>Der Anteil wurde am %2 in %1 gespeichert (nur für Sie lesbar). %3</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>An den Drucker gesendet.</translation>
    </message>
    <message>
        <source>There is no share to back up.</source>
        <translation>Es gibt keinen Anteil zu sichern.</translation>
    </message>
    <message>
        <source>Save Paper Backup</source>
        <translation>Papiersicherung speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1 (readable only by you).</source>
        <translation>%1 gespeichert (nur für Sie lesbar).</translation>
    </message>
</context>
<context>
    <name>DkekShareOpener</name>
    <message>
        <source>Opening %1… (%2 key derivation rounds)</source>
        <translation>%1 wird geöffnet… (%2 Runden der Schlüsselableitung)</translation>
    </message>
    <message>
        <source>Opening was stopped.</source>
        <translation>Das Öffnen wurde angehalten.</translation>
    </message>
</context>
<context>
    <name>DkekShareTable</name>
    <message>
        <source>Share file</source>
        <translation>Anteilsdatei</translation>
    </message>
    <message>
        <source>Opened with</source>
        <translation>Geöffnet mit</translation>
    </message>
    <message>
        <source>Share check value</source>
        <translation>Prüfwert des Anteils</translation>
    </message>
    <message>
        <source>custodian shares</source>
        <translation>Anteilen der Verwahrer</translation>
    </message>
    <message>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>DkekSharesList</name>
    <message>
        <source>&amp;Add Share File…</source>
        <translation>Anteilsdatei &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>%1 holds the same share as %2 (KCV %3); it was not added twice.</source>
        <translation>%1 enthält denselben Anteil wie %2 (KCV %3); er wurde nicht doppelt hinzugefügt.</translation>
    </message>
    <message>
        <source>Open DKEK Shares</source>
        <translation>DKEK-Anteile öffnen</translation>
    </message>
    <message>
        <source>DKEK share files (*.pbe);;All files (*)</source>
        <translation>DKEK-Anteilsdateien (*.pbe);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>EraseConfirmPage</name>
    <message>
        <source>Erase and Initialize</source>
        <translation>Löschen und initialisieren</translation>
    </message>
    <message>
        <source>&amp;Erase and Initialize</source>
        <translation>&amp;Löschen und initialisieren</translation>
    </message>
    <message>
        <source>&amp;Initialize</source>
        <translation>&amp;Initialisieren</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Wrong SO-PIN — the SO-PIN is now locked. The token can only be re-initialized.</source>
        <translation>Falsche SO-PIN — die SO-PIN ist jetzt gesperrt. Der Token kann nur noch neu initialisiert werden.</translation>
    </message>
    <message>
        <source>Wrong PIN — the PIN is now locked. The security officer must unblock it with the SO-PIN.</source>
        <translation>Falsche PIN — die PIN ist jetzt gesperrt. Der Sicherheitsbeauftragte muss sie mit der SO-PIN entsperren.</translation>
    </message>
    <message>
        <source>The SO-PIN is locked. The token cannot be unblocked; it can only be re-initialized, which erases it.</source>
        <translation>Die SO-PIN ist gesperrt. Der Token kann nicht entsperrt werden; er kann nur neu initialisiert werden, was ihn löscht.</translation>
    </message>
    <message>
        <source>The PIN is locked. The security officer must unblock it with the SO-PIN (Token → Unblock PIN).</source>
        <translation>Die PIN ist gesperrt. Der Sicherheitsbeauftragte muss sie mit der SO-PIN entsperren (Token → PIN entsperren).</translation>
    </message>
    <message>
        <source>The PIN is too short or too long for this token.</source>
        <translation>Die PIN ist für diesen Token zu kurz oder zu lang.</translation>
    </message>
    <message>
        <source>The PIN contains characters this token does not accept.</source>
        <translation>Die PIN enthält Zeichen, die dieser Token nicht annimmt.</translation>
    </message>
    <message>
        <source>The PIN has expired. Set a new PIN.</source>
        <translation>Die PIN ist abgelaufen. Setzen Sie eine neue PIN.</translation>
    </message>
    <message>
        <source>No user PIN has been set on this token yet. Set one with the SO-PIN first.</source>
        <translation>Auf diesem Token wurde noch keine Benutzer-PIN gesetzt. Setzen Sie zuerst eine mit der SO-PIN.</translation>
    </message>
    <message>
        <source>Log in to the token first.</source>
        <translation>Melden Sie sich zuerst am Token an.</translation>
    </message>
    <message>
        <source>Another user is logged in to this token. Log out first.</source>
        <translation>Ein anderer Benutzer ist an diesem Token angemeldet. Melden Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>The token was removed. Insert it again; the list refreshes by itself.</source>
        <translation>Der Token wurde entfernt. Stecken Sie ihn wieder ein; die Liste aktualisiert sich selbst.</translation>
    </message>
    <message>
        <source>The module does not recognize the card or token in this reader.</source>
        <translation>Das Modul erkennt die Karte oder den Token in diesem Leser nicht.</translation>
    </message>
    <message>
        <source>The token is write-protected; nothing can be changed on it.</source>
        <translation>Der Token ist schreibgeschützt; auf ihm kann nichts geändert werden.</translation>
    </message>
    <message>
        <source>Another program has the token open. Close other programs using it (browsers, mail clients, pcscd users) and try again.</source>
        <translation>Ein anderes Programm hat den Token geöffnet. Schließen Sie andere Programme, die ihn verwenden (Browser, E-Mail-Programme, Nutzer von pcscd), und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The connection to the token was lost. Refresh (F5) and try again.</source>
        <translation>Die Verbindung zum Token ist abgerissen. Aktualisieren Sie (F5) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The token reported a hardware error. Re-insert it and try again.</source>
        <translation>Der Token hat einen Hardwarefehler gemeldet. Stecken Sie ihn neu ein und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The token is full. Delete objects you no longer need.</source>
        <translation>Der Token ist voll. Löschen Sie Objekte, die Sie nicht mehr brauchen.</translation>
    </message>
    <message>
        <source>This token or its module does not support that operation.</source>
        <translation>Dieser Token oder sein Modul unterstützt diesen Vorgang nicht.</translation>
    </message>
    <message>
        <source>This token does not support that key size.</source>
        <translation>Dieser Token unterstützt diese Schlüsselgröße nicht.</translation>
    </message>
    <message>
        <source>The token refused the object&apos;s attributes.</source>
        <translation>Der Token hat die Attribute des Objekts abgelehnt.</translation>
    </message>
    <message>
        <source>The module is in an unexpected state. Use Rescan readers or restart TokenDesk.</source>
        <translation>Das Modul ist in einem unerwarteten Zustand. Verwenden Sie „Leser neu einlesen“ oder starten Sie TokenDesk neu.</translation>
    </message>
    <message>
        <source>The computer ran out of memory.</source>
        <translation>Der Computer hat keinen Speicher mehr.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The reader is no longer there. Refresh (F5).</source>
        <translation>Der Leser ist nicht mehr da. Aktualisieren Sie (F5).</translation>
    </message>
    <message>
        <source>The object no longer exists on the token. Refresh (F5).</source>
        <translation>Das Objekt existiert nicht mehr auf dem Token. Aktualisieren Sie (F5).</translation>
    </message>
    <message>
        <source>The token or its module reported an error.</source>
        <translation>Der Token oder sein Modul hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten.</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Wrong SO-PIN — 1 try left. The next wrong entry locks it.</source>
        <translation>Falsche SO-PIN — noch 1 Versuch. Die nächste falsche Eingabe sperrt sie.</translation>
    </message>
    <message>
        <source>Wrong PIN — 1 try left. The next wrong entry locks it.</source>
        <translation>Falsche PIN — noch 1 Versuch. Die nächste falsche Eingabe sperrt sie.</translation>
    </message>
    <message>
        <source>Wrong SO-PIN — and a wrong SO-PIN had already been entered since the last successful login. The token does not say how many tries are left; check the SO-PIN before trying again.</source>
        <translation>Falsche SO-PIN — und seit der letzten erfolgreichen Anmeldung war bereits eine falsche SO-PIN eingegeben worden. Der Token gibt nicht an, wie viele Versuche übrig sind; prüfen Sie die SO-PIN, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Wrong PIN — and a wrong PIN had already been entered since the last successful login. The token does not say how many tries are left; check the PIN before trying again.</source>
        <translation>Falsche PIN — und seit der letzten erfolgreichen Anmeldung war bereits eine falsche PIN eingegeben worden. Der Token gibt nicht an, wie viele Versuche übrig sind; prüfen Sie die PIN, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Wrong SO-PIN. Check it and try again; every wrong entry counts towards locking the token.</source>
        <translation>Falsche SO-PIN. Prüfen Sie sie und versuchen Sie es erneut; jede falsche Eingabe zählt bis zur Sperre des Tokens mit.</translation>
    </message>
    <message>
        <source>Wrong PIN. Check it and try again; every wrong entry counts towards locking the token.</source>
        <translation>Falsche PIN. Prüfen Sie sie und versuchen Sie es erneut; jede falsche Eingabe zählt bis zur Sperre des Tokens mit.</translation>
    </message>
</context>
<context>
    <name>ExpiryWarningSetting</name>
    <message>
        <source>Expiry warning</source>
        <translation>Ablaufwarnung</translation>
    </message>
    <message>
        <source>Warn about certificates that expire within this many days:</source>
        <translation>Vor Zertifikaten warnen, die innerhalb so vieler Tage ablaufen:</translation>
    </message>
</context>
<context>
    <name>ExportObjectCommand</name>
    <message>
        <source>There is nothing to export.</source>
        <translation>Es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Öffentlichen Schlüssel exportieren</translation>
    </message>
    <message>
        <source>Export certificate</source>
        <translation>Zertifikat exportieren</translation>
    </message>
    <message>
        <source>DER certificate (*.der *.cer)</source>
        <translation>DER-Zertifikat (*.der *.cer)</translation>
    </message>
    <message>
        <source>PEM public key (*.pem *.pub)</source>
        <translation>PEM-Schlüssel, öffentlich (*.pem *.pub)</translation>
    </message>
    <message>
        <source>PEM certificate (*.pem *.crt)</source>
        <translation>PEM-Zertifikat (*.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message>
        <source>Asking PC/SC which readers it sees…</source>
        <translation>PC/SC wird gefragt, welche Leser es sieht…</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>&amp;Add module…</source>
        <translation>Modul &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Open the &amp;demo token</source>
        <translation>&amp;Demo-Token öffnen</translation>
    </message>
    <message>
        <source>No token found</source>
        <translation>Kein Token gefunden</translation>
    </message>
    <message>
        <source>TokenDesk shows the keys and certificates on smart cards, USB tokens and HSMs. To get started, do one of these:</source>
        <translation>TokenDesk zeigt die Schlüssel und Zertifikate auf Chipkarten, USB-Token und HSMs. Tun Sie für den Anfang eines der folgenden Dinge:</translation>
    </message>
    <message>
        <source>Insert a smart card or token</source>
        <translation>Chipkarte oder Token einstecken</translation>
    </message>
    <message>
        <source>Plug in the token, or put the card in its reader. TokenDesk notices it by itself.</source>
        <translation>Stecken Sie den Token ein oder legen Sie die Karte in ihren Leser. TokenDesk bemerkt das von selbst.</translation>
    </message>
    <message>
        <source>Add your token&apos;s PKCS#11 module</source>
        <translation>PKCS#11-Modul Ihres Tokens hinzufügen</translation>
    </message>
    <message>
        <source>Some tokens need their vendor&apos;s module (a .so file), for example an HSM&apos;s client library.</source>
        <translation>Manche Token brauchen das Modul ihres Herstellers (eine .so-Datei), zum Beispiel die Client-Bibliothek eines HSM.</translation>
    </message>
    <message>
        <source>Try TokenDesk with the demo token</source>
        <translation>TokenDesk mit dem Demo-Token ausprobieren</translation>
    </message>
    <message>
        <source>A software token (SoftHSM) with a few keys and certificates, for trying things out. Never put real keys on it.</source>
        <translation>Ein Software-Token (SoftHSM) mit einigen Schlüsseln und Zertifikaten zum Ausprobieren. Legen Sie niemals echte Schlüssel darauf ab.</translation>
    </message>
    <message>
        <source>Show the module list</source>
        <translation>Modulliste anzeigen</translation>
    </message>
    <message>
        <source>The smart-card service (pcscd) is not running, so no card reader can be seen. Start it (for example &lt;tt&gt;sudo systemctl start pcscd.socket&lt;/tt&gt;), then choose Check again.</source>
        <translation>Der Chipkartendienst (pcscd) läuft nicht, daher ist kein Kartenleser zu sehen. Starten Sie ihn (zum Beispiel mit &lt;tt&gt;sudo systemctl start pcscd.socket&lt;/tt&gt;) und wählen Sie dann „Erneut prüfen“.</translation>
    </message>
    <message>
        <source>The smart-card service (pcscd) answered with an error: %1</source>
        <translation>Der Chipkartendienst (pcscd) hat mit einem Fehler geantwortet: %1</translation>
    </message>
    <message>
        <source>The smart-card service (pcscd) is running but sees no reader: plug in the reader or token.</source>
        <translation>Der Chipkartendienst (pcscd) läuft, sieht aber keinen Leser: Schließen Sie den Leser oder Token an.</translation>
    </message>
    <message numerus="yes">
        <source>The smart-card service (pcscd) is running and sees %n reader(s): %1. If the card is in, its module may be missing: add it below.</source>
        <translation>
            <numerusform>Der Chipkartendienst (pcscd) läuft und sieht %n Leser: %1. Wenn die Karte steckt, fehlt vielleicht ihr Modul: Fügen Sie es unten hinzu.</numerusform>
            <numerusform>Der Chipkartendienst (pcscd) läuft und sieht %n Leser: %1. Wenn die Karte steckt, fehlt vielleicht ihr Modul: Fügen Sie es unten hinzu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GskitSetup</name>
    <message>
        <source>The token label is “%1”, exactly as the module reports it; GSKit finds the token by it.</source>
        <translation>Die Token-Bezeichnung ist „%1“, genau wie das Modul sie meldet; GSKit findet das Token darüber.</translation>
    </message>
    <message>
        <source>runmqakm asks for the token PIN when -pw is left out; a PIN after -pw would be visible to other users of this computer.</source>
        <translation>runmqakm fragt nach der Token-PIN, wenn -pw fehlt; eine PIN nach -pw wäre für andere Benutzer dieses Rechners sichtbar.</translation>
    </message>
    <message>
        <source>The key database holds the CA certificates MQ trusts; the key and its certificate stay on the token.</source>
        <translation>Die Schlüsseldatenbank enthält die CA-Zertifikate, denen MQ vertraut; der Schlüssel und sein Zertifikat bleiben auf dem Token.</translation>
    </message>
    <message>
        <source>In runmqsc for the queue manager: %1</source>
        <translation>In runmqsc für den Warteschlangenmanager: %1</translation>
    </message>
    <message>
        <source>MQ reads the token PIN from SSLCRYP: put it in place of &lt;token PIN&gt; yourself; TokenDesk never writes a PIN.</source>
        <translation>MQ liest die Token-PIN aus SSLCRYP: Setzen Sie sie selbst anstelle von &lt;token PIN&gt; ein; TokenDesk schreibt nie eine PIN.</translation>
    </message>
    <message>
        <source>The token label contains “;”, which ends a field of SSLCRYP: MQ cannot use this token until it has a label without it.</source>
        <translation>Die Token-Bezeichnung enthält „;“, das ein Feld von SSLCRYP beendet: MQ kann dieses Token erst mit einer Bezeichnung ohne dieses Zeichen verwenden.</translation>
    </message>
</context>
<context>
    <name>HealthCheck</name>
    <message>
        <source>The keys carry no public key of their own, so TokenDesk cannot tell which public key and certificate belong to which; give one of them a new ID with Rename.</source>
        <translation>Die Schlüssel tragen keinen eigenen öffentlichen Schlüssel, daher kann TokenDesk nicht erkennen, welcher öffentliche Schlüssel und welches Zertifikat zu welchem gehören; geben Sie einem davon mit „Umbenennen“ eine neue ID.</translation>
    </message>
    <message>
        <source>The ID derived from %1 is taken too; give it a new ID with Rename.</source>
        <translation>Die aus %1 abgeleitete ID ist ebenfalls vergeben; geben Sie ihm mit „Umbenennen“ eine neue ID.</translation>
    </message>
    <message>
        <source>The key&apos;s curve is not one TokenDesk knows.</source>
        <translation>Die Kurve des Schlüssels ist TokenDesk nicht bekannt.</translation>
    </message>
    <message>
        <source>%1 belongs to %2, but their IDs differ: Java ignores the key, NSS drops the certificate&apos;s trust and OpenSSL finds no certificate for the key.</source>
        <translation>%1 gehört zu %2, aber ihre IDs unterscheiden sich: Java ignoriert den Schlüssel, NSS verwirft das Vertrauen in das Zertifikat, und OpenSSL findet kein Zertifikat für den Schlüssel.</translation>
    </message>
    <message>
        <source>Set the certificate&apos;s ID to %1.</source>
        <translation>Die ID des Zertifikats auf %1 setzen.</translation>
    </message>
    <message>
        <source>Set the certificate&apos;s ID to %1 and its label to “%2”.</source>
        <translation>Die ID des Zertifikats auf %1 und seine Bezeichnung auf „%2“ setzen.</translation>
    </message>
    <message>
        <source>%1 shares its ID with %2 but carries another public key: programs will pair them and signing will fail.</source>
        <translation>%1 teilt seine ID mit %2, trägt aber einen anderen öffentlichen Schlüssel: Programme werden sie paaren, und das Signieren wird fehlschlagen.</translation>
    </message>
    <message>
        <source>No automatic repair: delete this certificate, or import the key&apos;s own certificate.</source>
        <translation>Keine automatische Reparatur: Löschen Sie dieses Zertifikat oder importieren Sie das eigene Zertifikat des Schlüssels.</translation>
    </message>
    <message>
        <source>%1 private keys share the ID %2, so programs cannot tell them apart: %3.</source>
        <translation>%1 private Schlüssel teilen sich die ID %2, daher können Programme sie nicht unterscheiden: %3.</translation>
    </message>
    <message>
        <source>Give every key but the one its certificate belongs to the ID derived from its public key, together with its public key and certificate.</source>
        <translation>Allen Schlüsseln außer dem, zu dem sein Zertifikat gehört, die aus ihrem öffentlichen Schlüssel abgeleitete ID geben, zusammen mit ihrem öffentlichen Schlüssel und Zertifikat.</translation>
    </message>
    <message>
        <source>%1 has no public-key object; some programs list keys only through it.</source>
        <translation>%1 hat kein Objekt für den öffentlichen Schlüssel; manche Programme führen Schlüssel nur über dieses auf.</translation>
    </message>
    <message>
        <source>Create the public-key object from the private key&apos;s own attributes.</source>
        <translation>Das Objekt für den öffentlichen Schlüssel aus den eigenen Attributen des privaten Schlüssels erstellen.</translation>
    </message>
    <message>
        <source>Create the public-key object from the certificate with the same ID, after a test signature proves the certificate belongs to the key.</source>
        <translation>Das Objekt für den öffentlichen Schlüssel aus dem Zertifikat mit derselben ID erstellen, nachdem eine Testsignatur belegt hat, dass das Zertifikat zum Schlüssel gehört.</translation>
    </message>
    <message>
        <source>The token holds no public half of this key (an EC private key does not carry it). Import the key&apos;s certificate first.</source>
        <translation>Der Token enthält keine öffentliche Hälfte dieses Schlüssels (ein privater EC-Schlüssel trägt sie nicht mit). Importieren Sie zuerst das Zertifikat des Schlüssels.</translation>
    </message>
    <message>
        <source>The labels within one key pair differ: %1. Java shows the certificate&apos;s label as the alias, other programs the key&apos;s.</source>
        <translation>Die Bezeichnungen innerhalb eines Schlüsselpaars unterscheiden sich: %1. Java zeigt die Bezeichnung des Zertifikats als Alias, andere Programme die des Schlüssels.</translation>
    </message>
    <message>
        <source>Give all of them the label “%1”.</source>
        <translation>Allen die Bezeichnung „%1“ geben.</translation>
    </message>
    <message>
        <source>This finding has no automatic repair.</source>
        <translation>Für diesen Befund gibt es keine automatische Reparatur.</translation>
    </message>
    <message>
        <source>%1 changed since the check; run the health check again.</source>
        <translation>%1 hat sich seit der Prüfung geändert; führen Sie die Zustandsprüfung erneut aus.</translation>
    </message>
    <message>
        <source>%1 cannot sign, so TokenDesk cannot prove the certificate with its ID belongs to it. No public-key object was created.</source>
        <translation>%1 kann nicht signieren, daher kann TokenDesk nicht belegen, dass das Zertifikat mit seiner ID zu ihm gehört. Es wurde kein Objekt für den öffentlichen Schlüssel erstellt.</translation>
    </message>
    <message>
        <source>The repair did not fix the problem (%1); it was undone.</source>
        <translation>Die Reparatur hat das Problem nicht behoben (%1); sie wurde rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>HealthCheckDialog</name>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Erneut prüfen</translation>
    </message>
    <message>
        <source>Token health check</source>
        <translation>Zustandsprüfung des Tokens</translation>
    </message>
    <message>
        <source>Java, NSS and OpenSSL pair a key and its certificate by their ID (CKA_ID) alone. The check lists what they will get wrong on this token.</source>
        <translation>Java, NSS und OpenSSL ordnen einen Schlüssel und sein Zertifikat allein über ihre ID (CKA_ID) einander zu. Die Prüfung zeigt, was sie auf diesem Token falsch machen werden.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not logged in:&lt;/b&gt; private keys are hidden, so most problems cannot be seen. Log in and check again.</source>
        <translation>&lt;b&gt;Nicht angemeldet:&lt;/b&gt; Private Schlüssel sind verborgen, daher sind die meisten Probleme nicht zu sehen. Melden Sie sich an und prüfen Sie erneut.</translation>
    </message>
    <message>
        <source>&lt;b&gt;No problems found.&lt;/b&gt; Every key and certificate pairs as it should.</source>
        <translation>&lt;b&gt;Keine Probleme gefunden.&lt;/b&gt; Jeder Schlüssel und jedes Zertifikat werden richtig zugeordnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2 with an automatic repair).</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 davon automatisch reparierbar).</translation>
    </message>
    <message>
        <source>Waiting for the token to repair: %1</source>
        <translation>Warten auf den Token für die Reparatur: %1</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparieren</translation>
    </message>
    <message>
        <source>Waiting for the token: reading its objects…</source>
        <translation>Warten auf den Token: Seine Objekte werden gelesen…</translation>
    </message>
    <message>
        <source>Repaired. Reading the token again to check…</source>
        <translation>Repariert. Der Token wird zur Prüfung erneut gelesen…</translation>
    </message>
    <message>
        <source>Checked again.</source>
        <translation>Erneut geprüft.</translation>
    </message>
    <message>
        <source>Repaired: %1 The token was read and checked again: this problem is gone.</source>
        <translation>Repariert: %1 Der Token wurde erneut gelesen und geprüft: Dieses Problem ist behoben.</translation>
    </message>
    <message>
        <source>The repair was written, but the check still finds: %1</source>
        <translation>Die Reparatur wurde geschrieben, aber die Prüfung findet weiterhin: %1</translation>
    </message>
    <message>
        <source>Reading objects</source>
        <translation>Objekte werden gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>%n Problem gefunden</numerusform>
            <numerusform>%n Probleme gefunden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthFindingWidget</name>
    <message>
        <source>Certificate under another ID than its key</source>
        <translation>Zertifikat unter einer anderen ID als sein Schlüssel</translation>
    </message>
    <message>
        <source>Certificate of another key under this key&apos;s ID</source>
        <translation>Zertifikat eines anderen Schlüssels unter der ID dieses Schlüssels</translation>
    </message>
    <message>
        <source>Several keys share one ID</source>
        <translation>Mehrere Schlüssel teilen sich eine ID</translation>
    </message>
    <message>
        <source>Private key without a public-key object</source>
        <translation>Privater Schlüssel ohne Objekt für den öffentlichen Schlüssel</translation>
    </message>
    <message>
        <source>Labels differ within a key pair</source>
        <translation>Bezeichnungen innerhalb eines Schlüsselpaars unterscheiden sich</translation>
    </message>
    <message>
        <source>No automatic repair. %1</source>
        <translation>Keine automatische Reparatur. %1</translation>
    </message>
    <message>
        <source>&amp;Repair…</source>
        <translation>&amp;Reparieren…</translation>
    </message>
    <message>
        <source>The repair will: %1</source>
        <translation>Die Reparatur: %1</translation>
    </message>
    <message>
        <source>PIN for the test signature</source>
        <translation>PIN für die Testsignatur</translation>
    </message>
    <message>
        <source>PIN for the test signature:</source>
        <translation>PIN für die Testsignatur:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Carry out the repair</source>
        <translation>Reparatur ausführen</translation>
    </message>
</context>
<context>
    <name>InitProgressPage</name>
    <message>
        <source>Initializing</source>
        <translation>Initialisieren</translation>
    </message>
    <message>
        <source>Please wait. A token that is busy cannot be interrupted; this usually takes a few seconds.</source>
        <translation>Bitte warten Sie. Ein beschäftigter Token kann nicht unterbrochen werden; das dauert meist einige Sekunden.</translation>
    </message>
    <message>
        <source>Waiting for the token…</source>
        <translation>Warten auf den Token…</translation>
    </message>
    <message>
        <source>Nothing on the token was changed.</source>
        <translation>Auf dem Token wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>InitResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What the token reports now, read back after the initialization.</source>
        <translation>Was der Token jetzt meldet, nach dem Initialisieren zurückgelesen.</translation>
    </message>
    <message>
        <source>The token was not initialized.</source>
        <translation>Der Token wurde nicht initialisiert.</translation>
    </message>
    <message>
        <source>Nothing on the token was changed.</source>
        <translation>Auf dem Token wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Label “%1”, serial %2, slot %3.</source>
        <translation>Bezeichnung „%1“, Seriennummer %2, Steckplatz %3.</translation>
    </message>
    <message>
        <source>The module moved the token from slot %1 to slot %2 (SoftHSM does this on initialization); TokenDesk found it there.</source>
        <translation>Das Modul hat den Token von Steckplatz %1 nach Steckplatz %2 verschoben (SoftHSM tut das beim Initialisieren); TokenDesk hat ihn dort gefunden.</translation>
    </message>
    <message>
        <source>Flags: %1.</source>
        <translation>Flags: %1.</translation>
    </message>
    <message>
        <source>The token is initialized and ready to use.</source>
        <translation>Der Token ist initialisiert und einsatzbereit.</translation>
    </message>
    <message>
        <source>Log in with the new user PIN. Keep the SO-PIN safe: it is needed to unblock the user PIN.</source>
        <translation>Melden Sie sich mit der neuen Benutzer-PIN an. Bewahren Sie die SO-PIN sicher auf: Sie wird zum Entsperren der Benutzer-PIN gebraucht.</translation>
    </message>
    <message>
        <source>The token was initialized, but not completely.</source>
        <translation>Der Token wurde initialisiert, aber nicht vollständig.</translation>
    </message>
    <message>
        <source>Everything on it was erased and it has its new label.</source>
        <translation>Alles darauf wurde gelöscht, und er hat seine neue Bezeichnung.</translation>
    </message>
    <message>
        <source>The user PIN could not be set: %1</source>
        <translation>Die Benutzer-PIN konnte nicht gesetzt werden: %1</translation>
    </message>
    <message>
        <source>Set it with &lt;b&gt;Unblock PIN…&lt;/b&gt; from the token&apos;s menu (it needs the SO-PIN).</source>
        <translation>Setzen Sie sie mit &lt;b&gt;PIN entsperren…&lt;/b&gt; im Menü des Tokens (dazu wird die SO-PIN benötigt).</translation>
    </message>
    <message>
        <source>Check failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>InitTokenValidator</name>
    <message>
        <source>This token is write-protected; it cannot be initialized.</source>
        <translation>Dieser Token ist schreibgeschützt; er kann nicht initialisiert werden.</translation>
    </message>
    <message>
        <source>The SO-PIN of this token is locked, and C_InitToken needs it. The token cannot be initialized from here; only the vendor&apos;s tools may be able to reset it.</source>
        <translation>Die SO-PIN dieses Tokens ist gesperrt, und C_InitToken braucht sie. Der Token kann von hier aus nicht initialisiert werden; nur die Werkzeuge des Herstellers können ihn eventuell zurücksetzen.</translation>
    </message>
    <message>
        <source>The SO-PIN has one try left. Confirm that you understand a wrong SO-PIN locks it.</source>
        <translation>Die SO-PIN hat noch einen Versuch. Bestätigen Sie, dass Ihnen bewusst ist: Eine falsche SO-PIN sperrt sie.</translation>
    </message>
    <message>
        <source>Enter a label: it is how people and programs tell this token apart.</source>
        <translation>Geben Sie eine Bezeichnung ein: Daran unterscheiden Menschen und Programme diesen Token.</translation>
    </message>
    <message>
        <source>The label contains a control character.</source>
        <translation>Die Bezeichnung enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>The label is %1 bytes long in UTF-8; a token label holds at most %2 bytes. Shorten it by %3 bytes (letters outside A–Z take 2 to 4 bytes each).</source>
        <translation>Die Bezeichnung ist in UTF-8 %1 Bytes lang; eine Token-Bezeichnung fasst höchstens %2 Bytes. Kürzen Sie sie um %3 Bytes (Buchstaben außerhalb von A–Z belegen je 2 bis 4 Bytes).</translation>
    </message>
    <message>
        <source>Enter a label first.</source>
        <translation>Geben Sie zuerst eine Bezeichnung ein.</translation>
    </message>
    <message>
        <source>Type the new label “%1” to confirm.</source>
        <translation>Geben Sie zur Bestätigung die neue Bezeichnung „%1“ ein.</translation>
    </message>
    <message>
        <source>Type the token&apos;s current label “%1” or its serial number “%2” to confirm.</source>
        <translation>Geben Sie zur Bestätigung die aktuelle Bezeichnung des Tokens „%1“ oder seine Seriennummer „%2“ ein.</translation>
    </message>
    <message>
        <source>Type “%1” to confirm.</source>
        <translation>Geben Sie zur Bestätigung „%1“ ein.</translation>
    </message>
</context>
<context>
    <name>InitTokenWizard</name>
    <message>
        <source>Initialize Token</source>
        <translation>Token initialisieren</translation>
    </message>
</context>
<context>
    <name>InitializeDeviceValidator</name>
    <message>
        <source>The current SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).</source>
        <translation>Die aktuelle SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F).</translation>
    </message>
    <message>
        <source>The device still has the vendor&apos;s default SO-PIN, which is public: choose a new SO-PIN.</source>
        <translation>Das Gerät hat noch die Standard-SO-PIN des Herstellers, die öffentlich bekannt ist: Wählen Sie eine neue SO-PIN.</translation>
    </message>
    <message>
        <source>The new SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).</source>
        <translation>Die neue SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F).</translation>
    </message>
    <message>
        <source>The new SO-PIN is the vendor&apos;s default, which is public: choose another one.</source>
        <translation>Die neue SO-PIN ist die Standard-PIN des Herstellers, die öffentlich bekannt ist: Wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>The new SO-PIN is the same as the current one.</source>
        <translation>Die neue SO-PIN ist dieselbe wie die aktuelle.</translation>
    </message>
    <message numerus="yes">
        <source>The user PIN needs at least %n characters.</source>
        <translation>
            <numerusform>Die Benutzer-PIN braucht mindestens %n Zeichen.</numerusform>
            <numerusform>Die Benutzer-PIN braucht mindestens %n Zeichen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The user PIN can have at most %n bytes.</source>
        <translation>
            <numerusform>Die Benutzer-PIN darf höchstens %n Byte haben.</numerusform>
            <numerusform>Die Benutzer-PIN darf höchstens %n Bytes haben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The retry counter must be between 1 and %1.</source>
        <translation>Der Fehlbedienungszähler muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>A 6-character PIN allows at most 3 tries; use a longer PIN for more.</source>
        <translation>Eine 6-stellige PIN erlaubt höchstens 3 Versuche; verwenden Sie für mehr eine längere PIN.</translation>
    </message>
    <message>
        <source>A 7-character PIN allows at most 5 tries; use a longer PIN for more.</source>
        <translation>Eine 7-stellige PIN erlaubt höchstens 5 Versuche; verwenden Sie für mehr eine längere PIN.</translation>
    </message>
    <message>
        <source>The number of DKEK shares must be between 0 and %1.</source>
        <translation>Die Anzahl der DKEK-Anteile muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>Without DKEK shares no key on this device can ever be backed up or copied to another device. Tick the box to confirm that this is what you want.</source>
        <translation>Ohne DKEK-Anteile kann kein Schlüssel auf diesem Gerät jemals gesichert oder auf ein anderes Gerät kopiert werden. Kreuzen Sie das Feld an, um zu bestätigen, dass Sie das wollen.</translation>
    </message>
    <message>
        <source>The label can have at most %1 bytes in UTF-8.</source>
        <translation>Die Bezeichnung darf in UTF-8 höchstens %1 Bytes haben.</translation>
    </message>
    <message>
        <source>The label cannot contain control characters.</source>
        <translation>Die Bezeichnung darf keine Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>With a transport PIN the label cannot be written until the user PIN is changed: leave the label empty or turn the transport PIN off.</source>
        <translation>Mit einer Transport-PIN kann die Bezeichnung erst geschrieben werden, wenn die Benutzer-PIN geändert wurde: Lassen Sie die Bezeichnung leer oder schalten Sie die Transport-PIN aus.</translation>
    </message>
    <message>
        <source>The SO-PIN of this device is locked: it cannot be initialized again.</source>
        <translation>Die SO-PIN dieses Geräts ist gesperrt: Es kann nicht erneut initialisiert werden.</translation>
    </message>
    <message>
        <source>Only one SO-PIN try is left: a wrong SO-PIN now locks the device for good. Confirm that you want to use the last try.</source>
        <translation>Es bleibt nur noch ein Versuch für die SO-PIN: Eine falsche SO-PIN sperrt das Gerät jetzt endgültig. Bestätigen Sie, dass Sie den letzten Versuch verwenden möchten.</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <source>The module %1 is not loaded.</source>
        <translation>Das Modul %1 ist nicht geladen.</translation>
    </message>
    <message>
        <source>This module cannot use OS locking; all its tokens share one worker.</source>
        <translation>Dieses Modul kann keine Betriebssystem-Sperren verwenden; alle seine Token teilen sich einen Arbeitsthread.</translation>
    </message>
</context>
<context>
    <name>InventoryReport</name>
    <message>
        <source>[EXPIRED] </source>
        <translation>[ABGELAUFEN] </translation>
    </message>
    <message>
        <source>[EXPIRES SOON] </source>
        <translation>[LÄUFT BALD AB] </translation>
    </message>
    <message>
        <source>[NOT YET VALID] </source>
        <translation>[NOCH NICHT GÜLTIG] </translation>
    </message>
    <message>
        <source>LOGIN FAILED: %1</source>
        <translation>ANMELDUNG FEHLGESCHLAGEN: %1</translation>
    </message>
    <message numerus="yes">
        <source>(no certificate expires within %n day(s))</source>
        <translation>
            <numerusform>(kein Zertifikat läuft innerhalb von %n Tag ab)</numerusform>
            <numerusform>(kein Zertifikat läuft innerhalb von %n Tagen ab)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) expire within %1 day(s) or have expired.</source>
        <translation>
            <numerusform>%n Zertifikat läuft innerhalb von %1 Tag(en) ab oder ist abgelaufen.</numerusform>
            <numerusform>%n Zertifikate laufen innerhalb von %1 Tag(en) ab oder sind abgelaufen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No certificate expires within %n day(s).</source>
        <translation>
            <numerusform>Kein Zertifikat läuft innerhalb von %n Tag ab.</numerusform>
            <numerusform>Kein Zertifikat läuft innerhalb von %n Tagen ab.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 open of %2, read/write %3 of %4</source>
        <translation>%1 offen von %2, Lesen/Schreiben %3 von %4</translation>
    </message>
    <message>
        <source>first to expire: %1, %2</source>
        <translation>läuft als Erstes ab: %1, %2</translation>
    </message>
    <message>
        <source>certificates expired or expiring within %1 days: %2</source>
        <translation>Zertifikate, die abgelaufen sind oder innerhalb von %1 Tagen ablaufen: %2</translation>
    </message>
    <message>
        <source>public %1; private %2</source>
        <translation>öffentlich %1; privat %2</translation>
    </message>
    <message>
        <source>(not initialized, as the device says; the PKCS#11 module reports it as initialized)</source>
        <translation>(nicht initialisiert, laut Gerät; das PKCS#11-Modul meldet es als initialisiert)</translation>
    </message>
</context>
<context>
    <name>JavaSetup</name>
    <message>
        <source>Java selects the token by slot id %1: Java has no setting for a token label or serial, and slotListIndex would open whichever token comes first.</source>
        <translation>Java wählt den Token über die Steckplatz-ID %1: Java kennt keine Einstellung für die Bezeichnung oder Seriennummer eines Tokens, und slotListIndex würde den Token öffnen, der zuerst kommt.</translation>
    </message>
    <message>
        <source>SoftHSM gives a token a new slot id when it is initialized again; generate this configuration again after that.</source>
        <translation>SoftHSM gibt einem Token eine neue Steckplatz-ID, wenn er erneut initialisiert wird; erzeugen Sie diese Konfiguration danach neu.</translation>
    </message>
    <message>
        <source>keytool asks for the PIN; in scripts use -storepass:file with a file only you can read, never -storepass on the command line.</source>
        <translation>keytool fragt nach der PIN; verwenden Sie in Skripten -storepass:file mit einer Datei, die nur Sie lesen können, niemals -storepass auf der Befehlszeile.</translation>
    </message>
</context>
<context>
    <name>KeyAlgorithm</name>
    <message>
        <source>Legacy: %1-bit RSA keys can be broken today. Use them only where an old system demands it.</source>
        <translation>Veraltet: %1-Bit-RSA-Schlüssel sind heute knackbar. Verwenden Sie sie nur, wo ein altes System es verlangt.</translation>
    </message>
    <message>
        <source>Java and OpenSSL&apos;s pkcs11 engine cannot use Ed25519 token keys yet, and with one on the token the engine (libp11 0.4.12) finds none of the token&apos;s other keys either.</source>
        <translation>Java und die pkcs11-Engine von OpenSSL können Ed25519-Schlüssel auf Token noch nicht verwenden, und wenn einer auf dem Token liegt, findet die Engine (libp11 0.4.12) auch keinen der anderen Schlüssel des Tokens.</translation>
    </message>
    <message>
        <source>The token does not say which curves it supports; it may refuse this one.</source>
        <translation>Der Token gibt nicht an, welche Kurven er unterstützt; er lehnt diese vielleicht ab.</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 Bit</translation>
    </message>
    <message>
        <source>EC %1</source>
        <translation>EC %1</translation>
    </message>
    <message>
        <source>TokenDesk does not generate keys on the curve %1.</source>
        <translation>TokenDesk erzeugt keine Schlüssel auf der Kurve %1.</translation>
    </message>
</context>
<context>
    <name>KeyBackupCheck</name>
    <message>
        <source>the certificate in the file</source>
        <translation>das Zertifikat in der Datei</translation>
    </message>
    <message>
        <source>the device&apos;s certificate request in the file</source>
        <translation>der Zertifikatsantrag des Geräts in der Datei</translation>
    </message>
    <message>
        <source>the private key description in the file</source>
        <translation>die Beschreibung des privaten Schlüssels in der Datei</translation>
    </message>
    <message>
        <source>Add the DKEK share files to check whether they open this backup (its DKEK check value is %1).</source>
        <translation>Fügen Sie die DKEK-Anteilsdateien hinzu, um zu prüfen, ob sie diese Sicherung öffnen (ihr DKEK-Prüfwert ist %1).</translation>
    </message>
</context>
<context>
    <name>KeyBackupError</name>
    <message>
        <source>The file is not a SmartCard-HSM key backup: %1.</source>
        <translation>Die Datei ist keine SmartCard-HSM-Schlüsselsicherung: %1.</translation>
    </message>
    <message>
        <source>The backup was made under another DKEK: its check value is %1, the shares give %2.</source>
        <translation>Die Sicherung wurde unter einem anderen DKEK erstellt: Ihr Prüfwert ist %1, die Anteile ergeben %2.</translation>
    </message>
    <message>
        <source>The file is damaged: the DKEK check value matches, but the integrity code over the key blob is wrong, so the blob was changed after it was made.</source>
        <translation>Die Datei ist beschädigt: Der DKEK-Prüfwert stimmt, aber der Integritätscode über dem Schlüsselblock ist falsch; der Block wurde also nach seiner Erstellung verändert.</translation>
    </message>
    <message>
        <source>The backup holds a key of type %1, which TokenDesk cannot check (it checks RSA and EC keys).</source>
        <translation>Die Sicherung enthält einen Schlüssel vom Typ %1, den TokenDesk nicht prüfen kann (es prüft RSA- und EC-Schlüssel).</translation>
    </message>
    <message>
        <source>The key inside the backup is malformed: %1.</source>
        <translation>Der Schlüssel in der Sicherung ist fehlerhaft: %1.</translation>
    </message>
    <message>
        <source>The private key in the backup does not belong to the public key of %1.</source>
        <translation>Der private Schlüssel in der Sicherung gehört nicht zum öffentlichen Schlüssel von %1.</translation>
    </message>
    <message>
        <source>A SmartCard-HSM cannot take this key: %1. It takes RSA keys of 2048 to 4096 bits and EC keys on P-256, P-384 or P-521.</source>
        <translation>Ein SmartCard-HSM kann diesen Schlüssel nicht aufnehmen: %1. Es nimmt RSA-Schlüssel mit 2048 bis 4096 Bit und EC-Schlüssel auf P-256, P-384 oder P-521.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>An internal cryptographic operation failed (%1).</source>
        <translation>Eine interne kryptografische Operation ist fehlgeschlagen (%1).</translation>
    </message>
</context>
<context>
    <name>KeyBackupFile</name>
    <message>
        <source>%1 is missing</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <source>%1 is not valid DER</source>
        <translation>%1 ist kein gültiges DER</translation>
    </message>
    <message>
        <source>the private key description is not a structure</source>
        <translation>die Beschreibung des privaten Schlüssels ist keine Struktur</translation>
    </message>
    <message>
        <source>the private key description</source>
        <translation>die Beschreibung des privaten Schlüssels</translation>
    </message>
    <message>
        <source>the private key description has no common object attributes</source>
        <translation>die Beschreibung des privaten Schlüssels hat keine allgemeinen Objektattribute</translation>
    </message>
    <message>
        <source>the private key description has no key attributes</source>
        <translation>die Beschreibung des privaten Schlüssels hat keine Schlüsselattribute</translation>
    </message>
    <message>
        <source>the private key description has no key ID</source>
        <translation>die Beschreibung des privaten Schlüssels hat keine Schlüssel-ID</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is too large (%1 bytes)</source>
        <translation>die Datei ist zu groß (%1 Bytes)</translation>
    </message>
    <message>
        <source>the outer structure</source>
        <translation>die äußere Struktur</translation>
    </message>
    <message>
        <source>it does not start with a DER SEQUENCE</source>
        <translation>sie beginnt nicht mit einer DER-SEQUENCE</translation>
    </message>
    <message>
        <source>more data follows the end of its DER structure</source>
        <translation>nach dem Ende ihrer DER-Struktur folgen weitere Daten</translation>
    </message>
    <message>
        <source>the key blob</source>
        <translation>der Schlüsselblock</translation>
    </message>
    <message>
        <source>its first part is not the key blob (an OCTET STRING)</source>
        <translation>ihr erster Teil ist nicht der Schlüsselblock (ein OCTET STRING)</translation>
    </message>
    <message>
        <source>the certificate</source>
        <translation>das Zertifikat</translation>
    </message>
    <message>
        <source>its certificate is not a valid X.509 certificate</source>
        <translation>ihr Zertifikat ist kein gültiges X.509-Zertifikat</translation>
    </message>
    <message>
        <source>it has more parts than key blob, description and certificate</source>
        <translation>sie hat mehr Teile als Schlüsselblock, Beschreibung und Zertifikat</translation>
    </message>
</context>
<context>
    <name>KeyBackupSave</name>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>X.509 certificate</source>
        <translation>X.509-Zertifikat</translation>
    </message>
    <message>
        <source>the device&apos;s CV request for the key</source>
        <translation>der CV-Antrag des Geräts für den Schlüssel</translation>
    </message>
    <message>
        <source>a certificate file of another kind</source>
        <translation>eine Zertifikatsdatei anderer Art</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>SmartCard-HSM key backup (sc-hsm-tool --wrap-key format), made by TokenDesk</source>
        <translation>SmartCard-HSM-Schlüsselsicherung (Format von sc-hsm-tool --wrap-key), erstellt mit TokenDesk</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Bezeichnung: %1</translation>
    </message>
    <message>
        <source>CKA_ID: %1</source>
        <translation>CKA_ID: %1</translation>
    </message>
    <message>
        <source>Algorithm: %1</source>
        <translation>Algorithmus: %1</translation>
    </message>
    <message>
        <source>Key reference on the device: %1</source>
        <translation>Schlüsselreferenz auf dem Gerät: %1</translation>
    </message>
    <message>
        <source>DKEK check value: %1</source>
        <translation>DKEK-Prüfwert: %1</translation>
    </message>
    <message>
        <source>Certificate in the file: %1</source>
        <translation>Zertifikat in der Datei: %1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>Datum: %1</translation>
    </message>
    <message>
        <source>Device serial: %1</source>
        <translation>Seriennummer des Geräts: %1</translation>
    </message>
    <message>
        <source>The file holds the key encrypted under the device&apos;s DKEK. It can be restored only into a SmartCard-HSM initialized with the same DKEK shares (for example with sc-hsm-tool --unwrap-key), and checked without a device with Tools &gt; Check key backups or tokendesk --check-backup.</source>
        <translation>Die Datei enthält den Schlüssel, verschlüsselt unter dem DKEK des Geräts. Sie lässt sich nur in ein SmartCard-HSM zurückspielen, das mit denselben DKEK-Anteilen initialisiert wurde (zum Beispiel mit sc-hsm-tool --unwrap-key), und ohne Gerät mit Extras &gt; Schlüsselsicherungen prüfen oder tokendesk --check-backup prüfen.</translation>
    </message>
</context>
<context>
    <name>KeyBlob</name>
    <message>
        <source>it ends before its %1</source>
        <translation>er endet vor dem Teil %1</translation>
    </message>
    <message>
        <source>the length of its %1 runs past the end</source>
        <translation>die Länge des Teils %1 reicht über das Ende hinaus</translation>
    </message>
    <message>
        <source>its %1 is empty</source>
        <translation>der Teil %1 ist leer</translation>
    </message>
    <message>
        <source>its private exponent does not belong to its modulus</source>
        <translation>sein privater Exponent gehört nicht zu seinem Modulus</translation>
    </message>
    <message>
        <source>its primes do not make its modulus</source>
        <translation>seine Primzahlen ergeben nicht seinen Modulus</translation>
    </message>
    <message>
        <source>its CRT parts do not belong together</source>
        <translation>seine CRT-Teile gehören nicht zusammen</translation>
    </message>
    <message>
        <source>its modulus or public exponent is not usable</source>
        <translation>sein Modulus oder öffentlicher Exponent ist nicht verwendbar</translation>
    </message>
    <message>
        <source>its curve is not one a SmartCard-HSM uses</source>
        <translation>seine Kurve ist keine, die ein SmartCard-HSM verwendet</translation>
    </message>
    <message>
        <source>its private value is out of range</source>
        <translation>sein privater Wert liegt außerhalb des zulässigen Bereichs</translation>
    </message>
    <message>
        <source>its private value does not belong to its public point</source>
        <translation>sein privater Wert gehört nicht zu seinem öffentlichen Punkt</translation>
    </message>
    <message>
        <source>RSA with %1 bits</source>
        <translation>RSA mit %1 Bit</translation>
    </message>
    <message>
        <source>neither RSA nor EC</source>
        <translation>weder RSA noch EC</translation>
    </message>
    <message>
        <source>an EC key without a named curve</source>
        <translation>ein EC-Schlüssel ohne benannte Kurve</translation>
    </message>
    <message>
        <source>EC on the curve %1</source>
        <translation>EC auf der Kurve %1</translation>
    </message>
    <message>
        <source>the key blob is too short to hold a key</source>
        <translation>der Schlüsselblock ist zu kurz für einen Schlüssel</translation>
    </message>
    <message>
        <source>the key blob ends inside its header</source>
        <translation>der Schlüsselblock endet innerhalb seines Kopfes</translation>
    </message>
    <message>
        <source>a length in the key blob&apos;s header runs past its end</source>
        <translation>eine Länge im Kopf des Schlüsselblocks reicht über sein Ende hinaus</translation>
    </message>
    <message>
        <source>the encrypted key is not a whole number of AES blocks</source>
        <translation>der verschlüsselte Schlüssel ist keine ganze Zahl von AES-Blöcken</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
</context>
<context>
    <name>KeyGenParamsPage</name>
    <message>
        <source>I need RSA-1024 for an old system and accept that it is no longer considered secure</source>
        <translation>Ich brauche RSA-1024 für ein altes System und nehme hin, dass es nicht mehr als sicher gilt</translation>
    </message>
    <message>
        <source>Advanced: key attributes</source>
        <translation>Erweitert: Schlüsselattribute</translation>
    </message>
    <message>
        <source>New key pair on “%1”</source>
        <translation>Neues Schlüsselpaar auf „%1“</translation>
    </message>
    <message>
        <source>Only algorithms this token&apos;s mechanism list offers are shown.</source>
        <translation>Es werden nur Algorithmen angezeigt, die die Mechanismenliste dieses Tokens anbietet.</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>&amp;Algorithmus:</translation>
    </message>
    <message>
        <source>e.g. VPN client key</source>
        <translation>z. B. VPN-Client-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>derived from the public key (SHA-1, as OpenSC does)</source>
        <translation>aus dem öffentlichen Schlüssel abgeleitet (SHA-1, wie bei OpenSC)</translation>
    </message>
    <message>
        <source>CKA_&amp;ID (hex):</source>
        <translation>CKA_&amp;ID (hex):</translation>
    </message>
    <message>
        <source>Private object (hidden until login)</source>
        <translation>Privates Objekt (bis zur Anmeldung verborgen)</translation>
    </message>
    <message>
        <source>Sensitive (the key value never leaves the token in clear)</source>
        <translation>Vertraulich (der Schlüsselwert verlässt den Token nie im Klartext)</translation>
    </message>
    <message>
        <source>Extractable (may be wrapped out of the token)</source>
        <translation>Exportierbar (darf verpackt aus dem Token herausgegeben werden)</translation>
    </message>
    <message>
        <source>Ask for the PIN for every use (CKA_ALWAYS_AUTHENTICATE)</source>
        <translation>Bei jeder Verwendung nach der PIN fragen (CKA_ALWAYS_AUTHENTICATE)</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Decrypt</source>
        <translation>Entschlüsseln</translation>
    </message>
    <message>
        <source>Unwrap</source>
        <translation>Entpacken (Unwrap)</translation>
    </message>
    <message>
        <source>Derive (ECDH)</source>
        <translation>Ableiten (ECDH)</translation>
    </message>
    <message>
        <source>This token offers no key-pair generation mechanism TokenDesk knows.</source>
        <translation>Dieser Token bietet keinen Mechanismus zur Schlüsselpaarerzeugung an, den TokenDesk kennt.</translation>
    </message>
    <message>
        <source>%1 (legacy)</source>
        <translation>%1 (veraltet)</translation>
    </message>
</context>
<context>
    <name>KeyGenRunPage</name>
    <message>
        <source>&amp;Change the settings and try again</source>
        <translation>Einstellungen ä&amp;ndern und erneut versuchen</translation>
    </message>
    <message>
        <source>Generating the key pair</source>
        <translation>Das Schlüsselpaar wird erzeugt</translation>
    </message>
    <message>
        <source>Key pair generated</source>
        <translation>Schlüsselpaar erzeugt</translation>
    </message>
    <message>
        <source>Key generation failed</source>
        <translation>Schlüsselerzeugung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Waiting for the token to generate %1. A smart card can take a minute for large RSA keys; the token cannot be interrupted while it works, but TokenDesk stays usable.</source>
        <translation>Warten darauf, dass der Token %1 erzeugt. Eine Chipkarte kann für große RSA-Schlüssel eine Minute brauchen; der Token kann während der Arbeit nicht unterbrochen werden, aber TokenDesk bleibt bedienbar.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;CKA_ID %2%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;CKA_ID %2%3</translation>
    </message>
    <message>
        <source> (derived from the public key)</source>
        <translation> (aus dem öffentlichen Schlüssel abgeleitet)</translation>
    </message>
    <message>
        <source>Private key URI:</source>
        <translation>URI des privaten Schlüssels:</translation>
    </message>
    <message>
        <source>Public key URI:</source>
        <translation>URI des öffentlichen Schlüssels:</translation>
    </message>
    <message>
        <source>The key pair is on the token.</source>
        <translation>Das Schlüsselpaar ist auf dem Token.</translation>
    </message>
    <message>
        <source>Key generation was cancelled; nothing was written.</source>
        <translation>Die Schlüsselerzeugung wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Key generation</source>
        <translation>Schlüsselerzeugung</translation>
    </message>
</context>
<context>
    <name>KeyGenValidator</name>
    <message>
        <source>This token cannot generate %1 keys.</source>
        <translation>Dieser Token kann keine %1-Schlüssel erzeugen.</translation>
    </message>
    <message>
        <source>%1 keys are too weak for new use. Confirm the legacy warning to create one anyway.</source>
        <translation>%1-Schlüssel sind für neue Verwendungen zu schwach. Bestätigen Sie die Warnung zu veralteten Verfahren, um trotzdem einen zu erstellen.</translation>
    </message>
    <message>
        <source>Give the key a label: Java shows it as the alias, and you will look for it by name.</source>
        <translation>Geben Sie dem Schlüssel eine Bezeichnung: Java zeigt sie als Alias, und Sie werden ihn unter diesem Namen suchen.</translation>
    </message>
    <message>
        <source>The label starts or ends with a space; remove it, some programs trim it and then cannot find the key.</source>
        <translation>Die Bezeichnung beginnt oder endet mit einem Leerzeichen; entfernen Sie es, denn manche Programme schneiden es ab und finden den Schlüssel dann nicht.</translation>
    </message>
    <message>
        <source>The label is too long (at most %1 bytes).</source>
        <translation>Die Bezeichnung ist zu lang (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <source>The ID must be hexadecimal digits, two per byte (for example 01 or 4a7f).</source>
        <translation>Die ID muss aus Hexadezimalziffern bestehen, zwei pro Byte (zum Beispiel 01 oder 4a7f).</translation>
    </message>
    <message>
        <source>The ID must be at least one byte.</source>
        <translation>Die ID muss mindestens ein Byte lang sein.</translation>
    </message>
    <message>
        <source>The ID is too long (at most %1 bytes).</source>
        <translation>Die ID ist zu lang (höchstens %1 Bytes).</translation>
    </message>
    <message>
        <source>The ID %1 is already used by another object on this token. Programs pair keys and certificates by ID, so choose another one, or leave it empty to derive it from the new key.</source>
        <translation>Die ID %1 wird auf diesem Token bereits von einem anderen Objekt verwendet. Programme ordnen Schlüssel und Zertifikate über die ID einander zu; wählen Sie daher eine andere, oder lassen Sie sie leer, um sie aus dem neuen Schlüssel abzuleiten.</translation>
    </message>
    <message>
        <source>The key would be allowed to do nothing. Allow at least one usage.</source>
        <translation>Der Schlüssel dürfte nichts tun. Erlauben Sie mindestens eine Verwendung.</translation>
    </message>
    <message>
        <source>%1 keys cannot decrypt or unwrap; only RSA keys can.</source>
        <translation>%1-Schlüssel können weder entschlüsseln noch entpacken; das können nur RSA-Schlüssel.</translation>
    </message>
    <message>
        <source>Only EC keys can derive (key agreement).</source>
        <translation>Nur EC-Schlüssel können ableiten (Schlüsselvereinbarung).</translation>
    </message>
    <message>
        <source>A key that asks for the PIN for every use must be a private object (hidden until login).</source>
        <translation>Ein Schlüssel, der bei jeder Verwendung nach der PIN fragt, muss ein privates Objekt sein (bis zur Anmeldung verborgen).</translation>
    </message>
    <message>
        <source>A key that is extractable and not sensitive can be read off the token in clear. Keep it sensitive.</source>
        <translation>Ein exportierbarer, nicht vertraulicher Schlüssel kann im Klartext vom Token gelesen werden. Lassen Sie ihn vertraulich.</translation>
    </message>
</context>
<context>
    <name>KeyGenWizard</name>
    <message>
        <source>Generate key pair</source>
        <translation>Schlüsselpaar erzeugen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
</context>
<context>
    <name>KeyGenerator</name>
    <message>
        <source>the private key lacks %1</source>
        <translation>dem privaten Schlüssel fehlt %1</translation>
    </message>
    <message>
        <source>the private key has %1, which was not asked for</source>
        <translation>der private Schlüssel hat %1, was nicht verlangt war</translation>
    </message>
    <message>
        <source>the public key lacks %1</source>
        <translation>dem öffentlichen Schlüssel fehlt %1</translation>
    </message>
    <message>
        <source>the public key has %1, which was not asked for</source>
        <translation>der öffentliche Schlüssel hat %1, was nicht verlangt war</translation>
    </message>
    <message>
        <source>The token did not make the key as asked (%1); the new key was not kept.</source>
        <translation>Der Token hat den Schlüssel nicht wie verlangt erzeugt (%1); der neue Schlüssel wurde nicht behalten.</translation>
    </message>
    <message>
        <source>No ID could be derived from the new public key; the key was not kept.</source>
        <translation>Aus dem neuen öffentlichen Schlüssel konnte keine ID abgeleitet werden; der Schlüssel wurde nicht behalten.</translation>
    </message>
    <message>
        <source>The ID %1 is already used on this token; the new key was not kept.</source>
        <translation>Die ID %1 wird auf diesem Token bereits verwendet; der neue Schlüssel wurde nicht behalten.</translation>
    </message>
    <message>
        <source>The token did not keep the key&apos;s ID; the new key was not kept.</source>
        <translation>Der Token hat die ID des Schlüssels nicht übernommen; der neue Schlüssel wurde nicht behalten.</translation>
    </message>
</context>
<context>
    <name>KeyLocator</name>
    <message>
        <source>This is not a PKCS#11 URI (RFC 7512).</source>
        <translation>Dies ist keine PKCS#11-URI (RFC 7512).</translation>
    </message>
    <message>
        <source>The URI has no id=; add the key&apos;s id so the right key is used.</source>
        <translation>Die URI hat kein id=; fügen Sie die ID des Schlüssels hinzu, damit der richtige Schlüssel verwendet wird.</translation>
    </message>
    <message>
        <source>Several tokens match this URI; add the token&apos;s serial= to it.</source>
        <translation>Mehrere Token passen zu dieser URI; fügen Sie ihr das serial= des Tokens hinzu.</translation>
    </message>
    <message>
        <source>No token matches this URI.</source>
        <translation>Kein Token passt zu dieser URI.</translation>
    </message>
    <message>
        <source>The token has no key or certificate with this id.</source>
        <translation>Der Token hat keinen Schlüssel und kein Zertifikat mit dieser ID.</translation>
    </message>
</context>
<context>
    <name>KeyRename</name>
    <message>
        <source>%1 shares the ID but belongs to another key; it is left as it is.</source>
        <translation>%1 teilt die ID, gehört aber zu einem anderen Schlüssel; es bleibt unverändert.</translation>
    </message>
    <message>
        <source>There is no private key with the ID %1 on this token.</source>
        <translation>Auf diesem Token gibt es keinen privaten Schlüssel mit der ID %1.</translation>
    </message>
    <message>
        <source>Several private keys share the ID %1; run the health check first.</source>
        <translation>Mehrere private Schlüssel teilen sich die ID %1; führen Sie zuerst die Zustandsprüfung aus.</translation>
    </message>
    <message>
        <source>Enter a new label or a new ID.</source>
        <translation>Geben Sie eine neue Bezeichnung oder eine neue ID ein.</translation>
    </message>
    <message>
        <source>That is the key&apos;s current ID.</source>
        <translation>Das ist die aktuelle ID des Schlüssels.</translation>
    </message>
    <message>
        <source>The token did not keep the new name of %1; nothing was changed.</source>
        <translation>Der Token hat den neuen Namen von %1 nicht übernommen; es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>OpenSSL failed (%1: %2).</source>
        <translation>OpenSSL ist fehlgeschlagen (%1: %2).</translation>
    </message>
</context>
<context>
    <name>LabelPage</name>
    <message>
        <source>Token Label</source>
        <translation>Token-Bezeichnung</translation>
    </message>
    <message>
        <source>The label is how people and programs (browsers, pkcs11-tool, Java) tell this token apart.</source>
        <translation>An der Bezeichnung unterscheiden Menschen und Programme (Browser, pkcs11-tool, Java) diesen Token.</translation>
    </message>
    <message>
        <source>New label:</source>
        <translation>Neue Bezeichnung:</translation>
    </message>
    <message>
        <source>Stored as:</source>
        <translation>Gespeichert als:</translation>
    </message>
    <message>
        <source>(too long)</source>
        <translation>(zu lang)</translation>
    </message>
    <message>
        <source>%1 of %2 bytes used (UTF-8); the rest is padded with spaces, shown as “·”. Spaces at either end are dropped.</source>
        <translation>%1 von %2 Bytes belegt (UTF-8); der Rest wird mit Leerzeichen aufgefüllt, angezeigt als „·“. Leerzeichen an beiden Enden entfallen.</translation>
    </message>
</context>
<context>
    <name>LifecycleError</name>
    <message>
        <source>Wrong SO-PIN. One try left: the next wrong SO-PIN locks it.</source>
        <translation>Falsche SO-PIN. Noch ein Versuch: Die nächste falsche SO-PIN sperrt sie.</translation>
    </message>
    <message>
        <source>Wrong PIN. One try left: the next wrong PIN locks it.</source>
        <translation>Falsche PIN. Noch ein Versuch: Die nächste falsche PIN sperrt sie.</translation>
    </message>
    <message>
        <source>Wrong SO-PIN. The token does not say how many tries are left; check the SO-PIN before you try again.</source>
        <translation>Falsche SO-PIN. Der Token gibt nicht an, wie viele Versuche übrig sind; prüfen Sie die SO-PIN, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>Wrong PIN. The token does not say how many tries are left; check the PIN before you try again.</source>
        <translation>Falsche PIN. Der Token gibt nicht an, wie viele Versuche übrig sind; prüfen Sie die PIN, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The token refused the %1 because of its length: it accepts %2.</source>
        <translation>Der Token hat die %1 wegen ihrer Länge abgelehnt: Er nimmt %2 an.</translation>
    </message>
    <message>
        <source>The token refused the %1: on a SmartCard-HSM / Nitrokey HSM it must be exactly 16 hexadecimal digits (0–9, A–F).</source>
        <translation>Der Token hat die %1 abgelehnt: Auf einem SmartCard-HSM / Nitrokey HSM muss sie aus genau 16 Hexadezimalziffern (0–9, A–F) bestehen.</translation>
    </message>
    <message>
        <source>The token refused the %1 because it contains characters it does not accept. Try digits only.</source>
        <translation>Der Token hat die %1 abgelehnt, weil sie Zeichen enthält, die er nicht annimmt. Versuchen Sie es nur mit Ziffern.</translation>
    </message>
    <message>
        <source>The token refused the new SO-PIN. It accepts %1; choose another one.</source>
        <translation>Der Token hat die neue SO-PIN abgelehnt. Er nimmt %1 an; wählen Sie eine andere.</translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message>
        <source>&quot;%1&quot; (serial %2)</source>
        <translation>„%1“ (Seriennummer %2)</translation>
    </message>
    <message numerus="yes">
        <source>--pin-fd gives one PIN, but %n tokens ask for one; choose the token with --token.</source>
        <translation>
            <numerusform>--pin-fd liefert eine PIN, aber %n Token verlangt eine; wählen Sie den Token mit --token.</numerusform>
            <numerusform>--pin-fd liefert eine PIN, aber %n Token verlangen eine; wählen Sie den Token mit --token.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the PIN of token %1 on the reader&apos;s PIN pad.</source>
        <translation>Geben Sie die PIN des Tokens %1 am PIN-Pad des Lesers ein.</translation>
    </message>
    <message>
        <source>PIN of token %1 (Enter alone skips it): </source>
        <translation>PIN des Tokens %1 (nur Eingabetaste überspringt ihn): </translation>
    </message>
    <message>
        <source>No PIN was given on --pin-fd %1.</source>
        <translation>Auf --pin-fd %1 wurde keine PIN übergeben.</translation>
    </message>
    <message>
        <source>No token matches --token %1.</source>
        <translation>Kein Token passt zu --token %1.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Security officer (SO)</source>
        <translation>Sicherheitsbeauftragter (SO)</translation>
    </message>
    <message>
        <source>Log in to “%1”</source>
        <translation>An „%1“ anmelden</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, serial %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 %3, Seriennummer %4</translation>
    </message>
    <message>
        <source>Log in as:</source>
        <translation>Anmelden als:</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>I understand: if this PIN is wrong, the PIN locks.</source>
        <translation>Mir ist bewusst: Ist diese PIN falsch, wird die PIN gesperrt.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>This reader has a PIN pad: after you click Log in, enter the PIN on the reader.</source>
        <translation>Dieser Leser hat ein PIN-Pad: Nachdem Sie auf „Anmelden“ geklickt haben, geben Sie die PIN am Leser ein.</translation>
    </message>
    <message>
        <source>PIN length: %1 to %2 characters.</source>
        <translation>PIN-Länge: %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <source>Enter the PIN on the reader…</source>
        <translation>Geben Sie die PIN am Leser ein…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>The login was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>Waiting for the token: a login in progress cannot be interrupted.</source>
        <translation>Warten auf den Token: Eine laufende Anmeldung kann nicht unterbrochen werden.</translation>
    </message>
    <message>
        <source>Reading the tries left from the SmartCard-HSM device…</source>
        <translation>Die verbleibenden Versuche werden vom SmartCard-HSM-Gerät gelesen…</translation>
    </message>
    <message>
        <source>SO-PIN: %1</source>
        <translation>SO-PIN: %1</translation>
    </message>
    <message>
        <source>User PIN: %1</source>
        <translation>Benutzer-PIN: %1</translation>
    </message>
    <message>
        <source>As the SmartCard-HSM device %1 reports it.</source>
        <translation>So meldet es das SmartCard-HSM-Gerät %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong SO-PIN. The device reports %n tries left.</source>
        <translation>
            <numerusform>Falsche SO-PIN. Das Gerät meldet %n verbleibenden Versuch.</numerusform>
            <numerusform>Falsche SO-PIN. Das Gerät meldet %n verbleibende Versuche.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. The device reports %n tries left.</source>
        <translation>
            <numerusform>Falsche PIN. Das Gerät meldet %n verbleibenden Versuch.</numerusform>
            <numerusform>Falsche PIN. Das Gerät meldet %n verbleibende Versuche.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong SO-PIN. The device reports the SO-PIN locked now.</source>
        <translation>Falsche SO-PIN. Das Gerät meldet die SO-PIN jetzt als gesperrt.</translation>
    </message>
    <message>
        <source>Wrong PIN. The device reports the PIN locked now.</source>
        <translation>Falsche PIN. Das Gerät meldet die PIN jetzt als gesperrt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TokenDesk</source>
        <translation>TokenDesk</translation>
    </message>
    <message>
        <source>Modules, tokens and objects</source>
        <translation>Module, Token und Objekte</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Token</source>
        <translation>&amp;Token</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>&amp;Add module…</source>
        <translation>Modul &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove module</source>
        <translation>Modul &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Rescan &amp;readers</source>
        <translation>&amp;Leser neu einlesen</translation>
    </message>
    <message>
        <source>Re-initialize the module so it sees readers attached since it was loaded</source>
        <translation>Das Modul neu initialisieren, damit es Leser sieht, die seit dem Laden angeschlossen wurden</translation>
    </message>
    <message>
        <source>&amp;Expiry warning…</source>
        <translation>Ablauf&amp;warnung…</translation>
    </message>
    <message>
        <source>&amp;Log in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>&amp;PIN ändern…</translation>
    </message>
    <message>
        <source>Change &amp;SO-PIN…</source>
        <translation>&amp;SO-PIN ändern…</translation>
    </message>
    <message>
        <source>&amp;Unblock PIN…</source>
        <translation>PIN &amp;entsperren…</translation>
    </message>
    <message>
        <source>&amp;Initialize token…</source>
        <translation>Token i&amp;nitialisieren…</translation>
    </message>
    <message>
        <source>&amp;Generate key pair…</source>
        <translation>Schlüsselpaar er&amp;zeugen…</translation>
    </message>
    <message>
        <source>Create certificate &amp;request (CSR)…</source>
        <translation>Zertifikatsanforderung (&amp;CSR) erstellen…</translation>
    </message>
    <message>
        <source>&amp;Import certificates…</source>
        <translation>Zertifikate &amp;importieren…</translation>
    </message>
    <message>
        <source>Import &amp;PKCS#12…</source>
        <translation>PKCS#&amp;12 importieren…</translation>
    </message>
    <message>
        <source>Check &amp;health…</source>
        <translation>Zus&amp;tand prüfen…</translation>
    </message>
    <message>
        <source>&amp;Object</source>
        <translation>&amp;Objekt</translation>
    </message>
    <message>
        <source>&amp;Self-signed certificate…</source>
        <translation>&amp;Selbstsigniertes Zertifikat…</translation>
    </message>
    <message>
        <source>&amp;Rename / change ID…</source>
        <translation>&amp;Umbenennen / ID ändern…</translation>
    </message>
    <message>
        <source>Export certificate (&amp;PEM)…</source>
        <translation>Zertifikat exportieren (&amp;PEM)…</translation>
    </message>
    <message>
        <source>Export certificate (&amp;DER)…</source>
        <translation>Zertifikat exportieren (&amp;DER)…</translation>
    </message>
    <message>
        <source>Export public &amp;key (PEM)…</source>
        <translation>Ö&amp;ffentlichen Schlüssel exportieren (PEM)…</translation>
    </message>
    <message>
        <source>Show all &amp;attributes…</source>
        <translation>Alle &amp;Attribute anzeigen…</translation>
    </message>
    <message>
        <source>Copy &amp;URI</source>
        <translation>URI &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <source>Create &amp;DKEK share…</source>
        <translation>&amp;DKEK-Anteil erstellen…</translation>
    </message>
    <message>
        <source>&amp;Check DKEK shares…</source>
        <translation>DKEK-Anteile &amp;prüfen…</translation>
    </message>
    <message>
        <source>&amp;SmartCard-HSM devices…</source>
        <translation>&amp;SmartCard-HSM-Geräte…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Waiting for token %1…</source>
        <translation>Warten auf Token %1…</translation>
    </message>
    <message>
        <source>Reading objects</source>
        <translation>Objekte werden gelesen</translation>
    </message>
    <message>
        <source>Reading token state…</source>
        <translation>Token-Zustand wird gelesen…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Logging out…</source>
        <translation>Abmeldung läuft…</translation>
    </message>
    <message>
        <source>Logout</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Remove module</source>
        <translation>Modul entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from TokenDesk? Nothing on its tokens changes; you can add it again later.</source>
        <translation>%1 aus TokenDesk entfernen? Auf seinen Token ändert sich nichts; Sie können es später wieder hinzufügen.</translation>
    </message>
    <message>
        <source>Re-initializing %1…</source>
        <translation>%1 wird neu initialisiert…</translation>
    </message>
    <message>
        <source>Rescan readers</source>
        <translation>Leser neu einlesen</translation>
    </message>
    <message>
        <source>Reading the changed device in %1…</source>
        <translation>Das geänderte Gerät in %1 wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the device</source>
        <translation>Das Gerät wird gelesen</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Kopiert: %1</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Manual…</source>
        <translation>&amp;Handbuch…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>&amp;Tastenkürzel…</translation>
    </message>
    <message>
        <source>&amp;About TokenDesk…</source>
        <translation>Ü&amp;ber TokenDesk…</translation>
    </message>
    <message>
        <source>Initialize &amp;device…</source>
        <translation>Gerät initialisie&amp;ren…</translation>
    </message>
    <message>
        <source>Import DKEK s&amp;hares…</source>
        <translation>&amp;DKEK-Anteile importieren…</translation>
    </message>
    <message>
        <source>Device s&amp;tatus…</source>
        <translation>&amp;Gerätestatus…</translation>
    </message>
    <message>
        <source>SmartCard-HSM and Nitrokey HSM tokens</source>
        <translation>SmartCard-HSM- und Nitrokey-HSM-Token</translation>
    </message>
    <message>
        <source>Record a &amp;support trace…</source>
        <translation>&amp;Support-Mitschnitt aufzeichnen…</translation>
    </message>
    <message>
        <source>Run in a &amp;separate process (safer, slower)</source>
        <translation>In einem eigenen &amp;Prozess ausführen (sicherer, langsamer)</translation>
    </message>
    <message>
        <source>Use this key i&amp;n…</source>
        <translation>Diesen Schlüssel ver&amp;wenden in…</translation>
    </message>
    <message>
        <source>Set up Java, OpenSSL, the browsers, OpenSSH, p11-kit or IBM MQ to use this key, and test it.</source>
        <translation>Java, OpenSSL, die Browser, OpenSSH, p11-kit oder IBM MQ für diesen Schlüssel einrichten und es testen.</translation>
    </message>
    <message>
        <source>This token shows no key or certificate with an id to set up.</source>
        <translation>Dieser Token zeigt keinen Schlüssel und kein Zertifikat mit einer ID zum Einrichten.</translation>
    </message>
    <message>
        <source>Check this &amp;workstation…</source>
        <translation>Diesen &amp;Arbeitsplatz prüfen…</translation>
    </message>
    <message>
        <source>Check &amp;key backups…</source>
        <translation>Sc&amp;hlüsselsicherungen prüfen…</translation>
    </message>
    <message>
        <source>&amp;Back up key…</source>
        <translation>Sc&amp;hlüssel sichern…</translation>
    </message>
    <message>
        <source>Select a private key of a SmartCard-HSM or Nitrokey HSM.</source>
        <translation>Wählen Sie einen privaten Schlüssel eines SmartCard-HSM oder Nitrokey HSM.</translation>
    </message>
    <message>
        <source>Looking for SmartCard-HSM readers…</source>
        <translation>SmartCard-HSM-Leser werden gesucht…</translation>
    </message>
    <message>
        <source>Only keys of a SmartCard-HSM or Nitrokey HSM can be backed up: this token is not one.</source>
        <translation>Nur Schlüssel eines SmartCard-HSM oder Nitrokey HSM lassen sich sichern: Dieser Token ist keiner.</translation>
    </message>
    <message>
        <source>The device has not been initialized: it holds no keys.</source>
        <translation>Das Gerät wurde nicht initialisiert: Es enthält keine Schlüssel.</translation>
    </message>
    <message>
        <source>Export keys from the device, encrypted under its DKEK, in the format of sc-hsm-tool --wrap-key.</source>
        <translation>Schlüssel vom Gerät ausgeben, verschlüsselt unter seinem DKEK, im Format von sc-hsm-tool --wrap-key.</translation>
    </message>
    <message>
        <source>Restore &amp;key…</source>
        <translation>Schlüssel wiederherste&amp;llen…</translation>
    </message>
    <message>
        <source>Restore key backups (sc-hsm-tool --wrap-key format) into the device under its DKEK.</source>
        <translation>Schlüsselsicherungen (Format von sc-hsm-tool --wrap-key) unter dem DKEK des Geräts in das Gerät zurückspielen.</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <source>TokenDesk manual</source>
        <translation>TokenDesk-Handbuch</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <source>The manual (README.md) was not found. TokenDesk looked in:
%1</source>
        <translation>Das Handbuch (README.md) wurde nicht gefunden. TokenDesk hat gesucht in:
%1</translation>
    </message>
</context>
<context>
    <name>MarkedBlock</name>
    <message>
        <source>The file has TokenDesk&apos;s block twice; remove one of them (the lines from “# BEGIN TokenDesk” to “# END TokenDesk”) and try again.</source>
        <translation>Die Datei enthält den Block von TokenDesk zweimal; entfernen Sie einen davon (die Zeilen von „# BEGIN TokenDesk“ bis „# END TokenDesk“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file has a “# END TokenDesk” line without its “# BEGIN TokenDesk” line; remove it and try again.</source>
        <translation>Die Datei enthält eine Zeile „# END TokenDesk“ ohne die zugehörige Zeile „# BEGIN TokenDesk“; entfernen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The file has a “# BEGIN TokenDesk” line without its “# END TokenDesk” line; add the END line where TokenDesk&apos;s block ends and try again.</source>
        <translation>Die Datei enthält eine Zeile „# BEGIN TokenDesk“ ohne die zugehörige Zeile „# END TokenDesk“; fügen Sie die END-Zeile dort ein, wo der Block von TokenDesk endet, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>Module</name>
    <message>
        <source>The module file %1 does not exist. Check the path, or install the package that provides it.</source>
        <translation>Die Moduldatei %1 existiert nicht. Prüfen Sie den Pfad oder installieren Sie das Paket, das sie bereitstellt.</translation>
    </message>
    <message>
        <source>%1 could not be loaded as a library: %2</source>
        <translation>%1 konnte nicht als Bibliothek geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 is a library but not a PKCS#11 module (it has no C_GetFunctionList).</source>
        <translation>%1 ist eine Bibliothek, aber kein PKCS#11-Modul (es fehlt C_GetFunctionList).</translation>
    </message>
</context>
<context>
    <name>ModuleContract</name>
    <message>
        <source>The module %1 gave an impossible answer to %2: %3. TokenDesk stopped reading instead of trusting it; the module or its token is faulty.</source>
        <extracomment>%1: module file name, %2: PKCS#11 function, %3: what was wrong with its answer</extracomment>
        <translation>Das Modul %1 hat auf %2 eine unmögliche Antwort gegeben: %3. TokenDesk hat das Lesen abgebrochen, statt ihr zu vertrauen; das Modul oder sein Token ist fehlerhaft.</translation>
    </message>
    <message>
        <source>it reported %1 entries where at most %2 fit</source>
        <translation>es meldete %1 Einträge, wo höchstens %2 Platz haben</translation>
    </message>
</context>
<context>
    <name>ModuleHelper</name>
    <message>
        <source>In a separate process every call to the module takes about 0.06 ms longer: about 7,000 attribute reads per second instead of 12,000 (measured with SoftHSM). Listing a token with many objects takes up to a few times longer; signing and logging in are hardly slower. A module that crashes or hangs then ends only that process, never TokenDesk.</source>
        <translation>In einem eigenen Prozess dauert jeder Aufruf des Moduls etwa 0,06 ms länger: etwa 7.000 statt 12.000 Attribut-Lesevorgänge pro Sekunde (gemessen mit SoftHSM). Das Auflisten eines Tokens mit vielen Objekten dauert bis zu einige Male länger; Signieren und Anmelden sind kaum langsamer. Ein Modul, das abstürzt oder hängt, beendet dann nur diesen Prozess, nie TokenDesk.</translation>
    </message>
    <message>
        <source>The module %1 cannot run in a separate process: p11-kit&apos;s client module or its p11-kit program is missing. Install the packages p11-kit and p11-kit-modules.</source>
        <translation>Das Modul %1 kann nicht in einem eigenen Prozess laufen: Das Client-Modul von p11-kit oder das Programm p11-kit fehlt. Installieren Sie die Pakete p11-kit und p11-kit-modules.</translation>
    </message>
    <message>
        <source>The module %1 cannot run in a separate process: its path contains a quote, a backslash or a control character.</source>
        <translation>Das Modul %1 kann nicht in einem eigenen Prozess laufen: Sein Pfad enthält ein Anführungszeichen, einen umgekehrten Schrägstrich oder ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>The module %1 cannot run in a separate process: %2 could not be loaded.</source>
        <translation>Das Modul %1 kann nicht in einem eigenen Prozess laufen: %2 konnte nicht geladen werden.</translation>
    </message>
    <message numerus="yes">
        <source>The module %1 stopped responding in its separate process: it was in %2 for %n second(s). TokenDesk ended that process; the other modules go on. Refresh to start it again.</source>
        <translation>
            <numerusform>Das Modul %1 antwortet in seinem eigenen Prozess nicht mehr: Es war %n Sekunde lang in %2. TokenDesk hat diesen Prozess beendet; die anderen Module arbeiten weiter. Aktualisieren Sie die Ansicht, um es neu zu starten.</numerusform>
            <numerusform>Das Modul %1 antwortet in seinem eigenen Prozess nicht mehr: Es war %n Sekunden lang in %2. TokenDesk hat diesen Prozess beendet; die anderen Module arbeiten weiter. Aktualisieren Sie die Ansicht, um es neu zu starten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The module %1 crashed in its separate process (signal %2) while in %3. TokenDesk and the other modules go on; refresh to start it again.</source>
        <translation>Das Modul %1 ist in seinem eigenen Prozess abgestürzt (Signal %2), während es in %3 war. TokenDesk und die anderen Module arbeiten weiter; aktualisieren Sie die Ansicht, um es neu zu starten.</translation>
    </message>
    <message>
        <source>The module %1 ended its separate process (exit status %2) while in %3. TokenDesk and the other modules go on; refresh to start it again.</source>
        <translation>Das Modul %1 hat seinen eigenen Prozess beendet (Exit-Status %2), während es in %3 war. TokenDesk und die anderen Module arbeiten weiter; aktualisieren Sie die Ansicht, um es neu zu starten.</translation>
    </message>
    <message>
        <source>The module %1 ended its separate process unexpectedly while in %2. TokenDesk and the other modules go on; refresh to start it again.</source>
        <translation>Das Modul %1 hat seinen eigenen Prozess unerwartet beendet, während es in %2 war. TokenDesk und die anderen Module arbeiten weiter; aktualisieren Sie die Ansicht, um es neu zu starten.</translation>
    </message>
</context>
<context>
    <name>ModuleProbe</name>
    <message>
        <source>The module could not be tried: %1</source>
        <translation>Das Modul konnte nicht ausprobiert werden: %1</translation>
    </message>
    <message>
        <source>The module crashed the test process.</source>
        <translation>Das Modul hat den Testprozess zum Absturz gebracht.</translation>
    </message>
    <message>
        <source>The module crashed the test process in %1.</source>
        <translation>Das Modul hat den Testprozess in %1 zum Absturz gebracht.</translation>
    </message>
    <message>
        <source>The module could not be used (exit status %1).</source>
        <translation>Das Modul konnte nicht verwendet werden (Exit-Status %1).</translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s).</source>
        <translation>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s); it was in %1.</source>
        <translation>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunde geantwortet; es war in %1.</numerusform>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunden geantwortet; es war in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n token(s) found.</source>
        <translation>
            <numerusform>%1 (%2): %n Token gefunden.</numerusform>
            <numerusform>%1 (%2): %n Token gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NssDb</name>
    <message>
        <source>modutil is not installed (Debian package libnss3-tools).</source>
        <translation>modutil ist nicht installiert (Debian-Paket libnss3-tools).</translation>
    </message>
    <message>
        <source>modutil failed (exit code %1): %2</source>
        <translation>modutil ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
</context>
<context>
    <name>NssSetup</name>
    <message>
        <source>Chromium has no certificate database in %1 yet; start Chromium once, then run this again.</source>
        <translation>Chromium hat in %1 noch keine Zertifikatsdatenbank; starten Sie Chromium einmal und führen Sie dies dann erneut aus.</translation>
    </message>
    <message>
        <source>The Firefox profile %1 has no certificate database yet; start Firefox with it once.</source>
        <translation>Das Firefox-Profil %1 hat noch keine Zertifikatsdatenbank; starten Sie Firefox einmal damit.</translation>
    </message>
    <message>
        <source>Firefox has the profile %1 open; close Firefox and run this again. Nothing was changed.</source>
        <translation>Firefox hat das Profil %1 geöffnet; schließen Sie Firefox und führen Sie dies erneut aus. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>In NSS the key is “%1:%2” (token label, colon, key label), for example in certutil -n.</source>
        <translation>In NSS heißt der Schlüssel „%1:%2“ (Token-Bezeichnung, Doppelpunkt, Schlüsselbezeichnung), zum Beispiel in certutil -n.</translation>
    </message>
    <message>
        <source>The browser asks for the PIN when a site asks for a client certificate.</source>
        <translation>Der Browser fragt nach der PIN, wenn eine Website ein Client-Zertifikat verlangt.</translation>
    </message>
</context>
<context>
    <name>ObjectCount</name>
    <message>
        <source>no objects</source>
        <translation>keine Objekte</translation>
    </message>
    <message numerus="yes">
        <source>%n private</source>
        <translation>
            <numerusform>%n privat</numerusform>
            <numerusform>%n privat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n public</source>
        <translation>
            <numerusform>%n öffentlich</numerusform>
            <numerusform>%n öffentlich</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret</source>
        <translation>
            <numerusform>%n geheim</numerusform>
            <numerusform>%n geheim</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) (%1)</source>
        <translation>
            <numerusform>%n Schlüssel (%1)</numerusform>
            <numerusform>%n Schlüssel (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n Zertifikat</numerusform>
            <numerusform>%n Zertifikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other object(s)</source>
        <translation>
            <numerusform>%n sonstiges Objekt</numerusform>
            <numerusform>%n sonstige Objekte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
</context>
<context>
    <name>ObjectDeletion</name>
    <message>
        <source>%1 shares the ID but is another key&apos;s public key; it stays.</source>
        <translation>%1 teilt die ID, ist aber der öffentliche Schlüssel eines anderen Schlüssels; es bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 shares the ID but belongs to another key; it stays.</source>
        <translation>%1 teilt die ID, gehört aber zu einem anderen Schlüssel; es bleibt erhalten.</translation>
    </message>
    <message>
        <source>%1 changed or disappeared since the list was read; nothing was deleted. Refresh and try again.</source>
        <translation>%1 hat sich geändert oder ist verschwunden, seit die Liste gelesen wurde; es wurde nichts gelöscht. Aktualisieren Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Deleting %1 failed (%2) after %3 had been deleted.</source>
        <translation>Das Löschen von %1 ist fehlgeschlagen (%2), nachdem %3 bereits gelöscht worden war.</translation>
    </message>
    <message>
        <source>%1 is still on the token after deletion.</source>
        <translation>%1 ist nach dem Löschen noch auf dem Token.</translation>
    </message>
</context>
<context>
    <name>ObjectExport</name>
    <message>
        <source>Only certificates can be exported this way.</source>
        <translation>Auf diese Weise können nur Zertifikate exportiert werden.</translation>
    </message>
    <message>
        <source>There is no public key to export.</source>
        <translation>Es gibt keinen öffentlichen Schlüssel zu exportieren.</translation>
    </message>
    <message>
        <source>The token holds no public key for %1 (no public-key object or certificate with its ID).</source>
        <translation>Der Token enthält keinen öffentlichen Schlüssel für %1 (kein Objekt für den öffentlichen Schlüssel und kein Zertifikat mit seiner ID).</translation>
    </message>
</context>
<context>
    <name>ObjectFacts</name>
    <message>
        <source>private key</source>
        <translation>privater Schlüssel</translation>
    </message>
    <message>
        <source>public key</source>
        <translation>öffentlicher Schlüssel</translation>
    </message>
    <message>
        <source>secret key</source>
        <translation>geheimer Schlüssel</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>data object</source>
        <translation>Datenobjekt</translation>
    </message>
    <message>
        <source>%1 %2 bits</source>
        <translation>%1 %2 Bit</translation>
    </message>
    <message>
        <source>The certificate&apos;s value could not be read.</source>
        <translation>Der Wert des Zertifikats konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>OpensslSetup</name>
    <message>
        <source>Give openssl this file through OPENSSL_CONF: its -config option does not load engines.</source>
        <translation>Übergeben Sie openssl diese Datei über OPENSSL_CONF: Seine Option -config lädt keine Engines.</translation>
    </message>
    <message>
        <source>openssl asks for the PIN; in scripts use -passin file:… with a file only you can read.</source>
        <translation>openssl fragt nach der PIN; verwenden Sie in Skripten -passin file:… mit einer Datei, die nur Sie lesen können.</translation>
    </message>
</context>
<context>
    <name>P11KitSetup</name>
    <message>
        <source>p11-kit reads this file for your user account only, not for root.</source>
        <translation>p11-kit liest diese Datei nur für Ihr Benutzerkonto, nicht für root.</translation>
    </message>
</context>
<context>
    <name>P11Text</name>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>one try left</source>
        <translation>noch ein Versuch</translation>
    </message>
    <message>
        <source>a wrong PIN was entered since the last successful login</source>
        <translation>seit der letzten erfolgreichen Anmeldung wurde eine falsche PIN eingegeben</translation>
    </message>
    <message>
        <source>must be changed</source>
        <translation>muss geändert werden</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <source>not reported by the token</source>
        <translation>vom Token nicht angegeben</translation>
    </message>
    <message>
        <source>%1 bytes free (total not reported)</source>
        <translation>%1 Bytes frei (Gesamtgröße nicht angegeben)</translation>
    </message>
    <message>
        <source>%1 bytes in all (free space not reported)</source>
        <translation>insgesamt %1 Bytes (freier Platz nicht angegeben)</translation>
    </message>
    <message>
        <source>%1 of %2 bytes free</source>
        <translation>%1 von %2 Bytes frei</translation>
    </message>
</context>
<context>
    <name>Pairing</name>
    <message>
        <source>Paired with %1; same CKA_ID and the public keys match.</source>
        <translation>Gepaart mit %1; gleiche CKA_ID, und die öffentlichen Schlüssel stimmen überein.</translation>
    </message>
    <message>
        <source>Paired with %1 by CKA_ID; the public keys could not be compared.</source>
        <translation>Über die CKA_ID mit %1 gepaart; die öffentlichen Schlüssel konnten nicht verglichen werden.</translation>
    </message>
    <message>
        <source>Shares its CKA_ID with %1, but the public keys differ: applications will pair them and signing will fail. The certificate belongs to another key.</source>
        <translation>Teilt seine CKA_ID mit %1, aber die öffentlichen Schlüssel unterscheiden sich: Anwendungen werden sie paaren, und das Signieren wird fehlschlagen. Das Zertifikat gehört zu einem anderen Schlüssel.</translation>
    </message>
    <message>
        <source>Belongs to %1, but the CKA_IDs differ: Java, NSS, OpenSSL and browsers pair by CKA_ID and will not see them as a pair. Give the certificate the key&apos;s CKA_ID.</source>
        <translation>Gehört zu %1, aber die CKA_IDs unterscheiden sich: Java, NSS, OpenSSL und Browser paaren über die CKA_ID und sehen sie nicht als Paar. Geben Sie dem Zertifikat die CKA_ID des Schlüssels.</translation>
    </message>
    <message>
        <source>No partner on this token.</source>
        <translation>Kein Partner auf diesem Token.</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>Too short: use at least %1 characters; more than 10 is recommended.</source>
        <translation>Zu kurz: Verwenden Sie mindestens %1 Zeichen; mehr als 10 werden empfohlen.</translation>
    </message>
    <message>
        <source>Weak: someone with the file could guess this. Make it longer and mix letters, digits and symbols.</source>
        <translation>Schwach: Wer die Datei hat, könnte dieses Passwort erraten. Machen Sie es länger und mischen Sie Buchstaben, Ziffern und Sonderzeichen.</translation>
    </message>
    <message>
        <source>Fair: a few more characters or words would make it strong.</source>
        <translation>Mittel: Einige Zeichen oder Wörter mehr würden es stark machen.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Stark.</translation>
    </message>
</context>
<context>
    <name>PinChangeValidator</name>
    <message>
        <source>This token is not initialized. Initialize it first.</source>
        <translation>Dieser Token ist nicht initialisiert. Initialisieren Sie ihn zuerst.</translation>
    </message>
    <message>
        <source>This token is write-protected; its PINs cannot be changed.</source>
        <translation>Dieser Token ist schreibgeschützt; seine PINs können nicht geändert werden.</translation>
    </message>
    <message>
        <source>The PIN is locked, so it cannot be changed. Unblock it with the SO-PIN instead.</source>
        <translation>Die PIN ist gesperrt und kann daher nicht geändert werden. Entsperren Sie sie stattdessen mit der SO-PIN.</translation>
    </message>
    <message>
        <source>The SO-PIN is locked. It cannot be used to change PINs any more; only re-initialization (which erases the token) can help, if the token allows it.</source>
        <translation>Die SO-PIN ist gesperrt. Mit ihr können keine PINs mehr geändert werden; nur ein erneutes Initialisieren (das den Token löscht) kann helfen, sofern der Token es zulässt.</translation>
    </message>
    <message>
        <source>No user PIN is set on this token yet. Set one with the SO-PIN (Unblock PIN).</source>
        <translation>Auf diesem Token ist noch keine Benutzer-PIN gesetzt. Setzen Sie eine mit der SO-PIN (PIN entsperren).</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one.</source>
        <translation>Die neue PIN ist dieselbe wie die aktuelle.</translation>
    </message>
    <message>
        <source>The SO-PIN has one try left. Confirm that you understand a wrong SO-PIN locks it.</source>
        <translation>Die SO-PIN hat noch einen Versuch. Bestätigen Sie, dass Ihnen bewusst ist: Eine falsche SO-PIN sperrt sie.</translation>
    </message>
    <message>
        <source>The PIN has one try left. Confirm that you understand a wrong PIN locks it.</source>
        <translation>Die PIN hat noch einen Versuch. Bestätigen Sie, dass Ihnen bewusst ist: Eine falsche PIN sperrt sie.</translation>
    </message>
</context>
<context>
    <name>PinReader</name>
    <message>
        <source>The PIN could not be read: %1.</source>
        <translation>Die PIN konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>The PIN is longer than %1 bytes.</source>
        <translation>Die PIN ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <source>There is no terminal to ask for the PIN; give it with --pin-fd.</source>
        <translation>Es gibt kein Terminal, um nach der PIN zu fragen; übergeben Sie sie mit --pin-fd.</translation>
    </message>
    <message>
        <source>--pin-fd %1 is not an open file descriptor.</source>
        <translation>--pin-fd %1 ist kein geöffneter Dateideskriptor.</translation>
    </message>
</context>
<context>
    <name>PinRules</name>
    <message>
        <source>exactly 16 hexadecimal digits (0–9, A–F)</source>
        <translation>genau 16 Hexadezimalziffern (0–9, A–F)</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>any length</source>
        <translation>beliebige Länge</translation>
    </message>
    <message numerus="yes">
        <source>exactly %n character(s)</source>
        <translation>
            <numerusform>genau %n Zeichen</numerusform>
            <numerusform>genau %n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>mindestens %n Zeichen</numerusform>
            <numerusform>mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n character(s)</source>
        <translation>
            <numerusform>höchstens %n Zeichen</numerusform>
            <numerusform>höchstens %n Zeichen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinStatus</name>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>a wrong PIN was entered since the last successful login</source>
        <translation>seit der letzten erfolgreichen Anmeldung wurde eine falsche PIN eingegeben</translation>
    </message>
    <message>
        <source>one try left</source>
        <translation>noch ein Versuch</translation>
    </message>
    <message>
        <source>locked (no tries left)</source>
        <translation>gesperrt (keine Versuche mehr)</translation>
    </message>
    <message>
        <source>%1, must be changed</source>
        <translation>%1, muss geändert werden</translation>
    </message>
    <message>
        <source>SO-PIN: %1</source>
        <translation>SO-PIN: %1</translation>
    </message>
    <message>
        <source>User PIN: %1</source>
        <translation>Benutzer-PIN: %1</translation>
    </message>
    <message>
        <source>No user PIN is set on this token. The security officer sets it with the SO-PIN.</source>
        <translation>Auf diesem Token ist keine Benutzer-PIN gesetzt. Der Sicherheitsbeauftragte setzt sie mit der SO-PIN.</translation>
    </message>
    <message>
        <source>The token does not say how many tries are left; it warns when only one is left. A successful SO login clears this note.</source>
        <translation>Der Token gibt nicht an, wie viele Versuche übrig sind; er warnt, wenn nur noch einer übrig ist. Eine erfolgreiche SO-Anmeldung löscht diesen Hinweis.</translation>
    </message>
    <message>
        <source>The token does not say how many tries are left; it warns when only one is left. A successful login clears this note.</source>
        <translation>Der Token gibt nicht an, wie viele Versuche übrig sind; er warnt, wenn nur noch einer übrig ist. Eine erfolgreiche Anmeldung löscht diesen Hinweis.</translation>
    </message>
    <message>
        <source>One try left: a wrong SO-PIN now locks the SO-PIN for good, and the token can then only be re-initialized with the vendor&apos;s tools, if at all.</source>
        <translation>Noch ein Versuch: Eine falsche SO-PIN sperrt die SO-PIN jetzt endgültig, und der Token kann dann nur noch mit den Werkzeugen des Herstellers neu initialisiert werden, wenn überhaupt.</translation>
    </message>
    <message>
        <source>One try left: a wrong PIN now locks the PIN. Only the security officer can then unblock it.</source>
        <translation>Noch ein Versuch: Eine falsche PIN sperrt jetzt die PIN. Nur der Sicherheitsbeauftragte kann sie dann entsperren.</translation>
    </message>
    <message>
        <source>The SO-PIN is locked. PINs cannot be reset with it any more; only re-initialization (which erases the token) can help, if the token allows it.</source>
        <translation>Die SO-PIN ist gesperrt. Mit ihr können keine PINs mehr zurückgesetzt werden; nur ein erneutes Initialisieren (das den Token löscht) kann helfen, sofern der Token es zulässt.</translation>
    </message>
    <message>
        <source>The PIN is locked. Nobody can log in until the security officer unblocks it with the SO-PIN.</source>
        <translation>Die PIN ist gesperrt. Niemand kann sich anmelden, bis der Sicherheitsbeauftragte sie mit der SO-PIN entsperrt.</translation>
    </message>
</context>
<context>
    <name>PinValidator</name>
    <message>
        <source>The new SO-PIN</source>
        <translation>Die neue SO-PIN</translation>
    </message>
    <message>
        <source>The SO-PIN</source>
        <translation>Die SO-PIN</translation>
    </message>
    <message>
        <source>The new PIN</source>
        <translation>Die neue PIN</translation>
    </message>
    <message>
        <source>The PIN</source>
        <translation>Die PIN</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation>Geben Sie %1 ein.</translation>
    </message>
    <message>
        <source>the SO-PIN</source>
        <translation>die SO-PIN</translation>
    </message>
    <message>
        <source>the PIN</source>
        <translation>die PIN</translation>
    </message>
    <message>
        <source>%1 is too short: this token needs %2.</source>
        <translation>%1 ist zu kurz: Dieser Token braucht %2.</translation>
    </message>
    <message>
        <source>%1 is too long: this token takes %2.</source>
        <translation>%1 ist zu lang: Dieser Token nimmt %2.</translation>
    </message>
    <message>
        <source> It cannot be right, so it is not sent to the token.</source>
        <translation> Sie kann nicht stimmen und wird daher nicht an den Token gesendet.</translation>
    </message>
    <message>
        <source>Type the new SO-PIN a second time to confirm it.</source>
        <translation>Geben Sie die neue SO-PIN zur Bestätigung ein zweites Mal ein.</translation>
    </message>
    <message>
        <source>Type the new PIN a second time to confirm it.</source>
        <translation>Geben Sie die neue PIN zur Bestätigung ein zweites Mal ein.</translation>
    </message>
    <message>
        <source>The two new SO-PINs do not match.</source>
        <translation>Die beiden neuen SO-PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The two new PINs do not match.</source>
        <translation>Die beiden neuen PINs stimmen nicht überein.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of a SmartCard-HSM / Nitrokey HSM is exactly 16 hexadecimal digits (0–9, A–F), for example 3537363231383830; this one has %n character(s).</source>
        <translation>
            <numerusform>%1 eines SmartCard-HSM / Nitrokey HSM besteht aus genau 16 Hexadezimalziffern (0–9, A–F), zum Beispiel 3537363231383830; diese hat %n Zeichen.</numerusform>
            <numerusform>%1 eines SmartCard-HSM / Nitrokey HSM besteht aus genau 16 Hexadezimalziffern (0–9, A–F), zum Beispiel 3537363231383830; diese hat %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Pkcs12Import</name>
    <message>
        <source>This is not a PKCS#12 file (.p12 or .pfx).</source>
        <translation>Dies ist keine PKCS#12-Datei (.p12 oder .pfx).</translation>
    </message>
    <message>
        <source>The password is wrong: the PKCS#12 file could not be opened. Nothing was written to the token.</source>
        <translation>Das Passwort ist falsch: Die PKCS#12-Datei konnte nicht geöffnet werden. Es wurde nichts auf den Token geschrieben.</translation>
    </message>
    <message>
        <source>The PKCS#12 file could not be decrypted. It may use a legacy algorithm (RC2, 40-bit RC4); export it again with AES, e.g. openssl pkcs12 -export.</source>
        <translation>Die PKCS#12-Datei konnte nicht entschlüsselt werden. Sie verwendet vielleicht ein veraltetes Verfahren (RC2, 40-Bit-RC4); exportieren Sie sie erneut mit AES, z. B. mit openssl pkcs12 -export.</translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no private key. Import its certificates with the certificate import instead.</source>
        <translation>Die PKCS#12-Datei enthält keinen privaten Schlüssel. Importieren Sie ihre Zertifikate stattdessen mit dem Zertifikatsimport.</translation>
    </message>
    <message>
        <source>The key&apos;s curve (%1) is not one TokenDesk can import.</source>
        <translation>Die Kurve des Schlüssels (%1) kann TokenDesk nicht importieren.</translation>
    </message>
    <message>
        <source>TokenDesk imports RSA and EC keys from PKCS#12 files, not %1 keys.</source>
        <translation>TokenDesk importiert RSA- und EC-Schlüssel aus PKCS#12-Dateien, keine %1-Schlüssel.</translation>
    </message>
    <message>
        <source>This key is already on the token (“%1”); nothing was written.</source>
        <translation>Dieser Schlüssel ist bereits auf dem Token („%1“); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>The ID %1 derived from the key is already used on this token; choose an ID.</source>
        <translation>Die aus dem Schlüssel abgeleitete ID %1 wird auf diesem Token bereits verwendet; wählen Sie eine ID.</translation>
    </message>
    <message>
        <source>Imported key</source>
        <translation>Importierter Schlüssel</translation>
    </message>
    <message>
        <source>The token did not protect the imported key as asked (sensitive, not extractable); it was removed again.</source>
        <translation>Der Token hat den importierten Schlüssel nicht wie verlangt geschützt (vertraulich, nicht exportierbar); er wurde wieder entfernt.</translation>
    </message>
    <message>
        <source>This key was made outside the token and imported from a file: the token records that it did not generate it (CKA_LOCAL is %1), and copies may exist wherever the PKCS#12 file has been. Delete the file if the token is to hold the only copy.</source>
        <translation>Dieser Schlüssel wurde außerhalb des Tokens erzeugt und aus einer Datei importiert: Der Token vermerkt, dass er ihn nicht selbst erzeugt hat (CKA_LOCAL ist %1), und überall, wo die PKCS#12-Datei war, können Kopien existieren. Löschen Sie die Datei, wenn der Token die einzige Kopie halten soll.</translation>
    </message>
    <message>
        <source>The PKCS#12 file asks for more iterations in its integrity check than any exporter uses; it was not opened.</source>
        <translation>Die PKCS#12-Datei verlangt für ihre Integritätsprüfung mehr Iterationen, als irgendein Exportprogramm verwendet; sie wurde nicht geöffnet.</translation>
    </message>
    <message>
        <source>The PKCS#12 file asks for more key derivation work to decrypt its contents than any exporter uses; it was not opened.</source>
        <translation>Die PKCS#12-Datei verlangt zum Entschlüsseln ihres Inhalts mehr Schlüsselableitungsarbeit, als irgendein Exportprogramm verwendet; sie wurde nicht geöffnet.</translation>
    </message>
</context>
<context>
    <name>Pkcs12ImportDialog</name>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Import PKCS#12 file</source>
        <translation>PKCS#12-Datei importieren</translation>
    </message>
    <message>
        <source>&lt;b&gt;The key in a PKCS#12 file was made outside the token.&lt;/b&gt; Copies of it may exist wherever the file has been, and the token records that it did not generate the key. For a key that never leaves the token, generate one on the token and request a certificate for it instead.</source>
        <translation>&lt;b&gt;Der Schlüssel in einer PKCS#12-Datei wurde außerhalb des Tokens erzeugt.&lt;/b&gt; Überall, wo die Datei war, können Kopien davon existieren, und der Token vermerkt, dass er den Schlüssel nicht selbst erzeugt hat. Für einen Schlüssel, der den Token nie verlässt, erzeugen Sie stattdessen einen auf dem Token und beantragen dafür ein Zertifikat.</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>PKCS#12-Datei</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Durch&amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <source>Password of the file</source>
        <translation>Passwort der Datei</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>optional: the file&apos;s name for the key, else the certificate&apos;s CN</source>
        <translation>optional: der Name des Schlüssels in der Datei, sonst der CN des Zertifikats</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>optional, hex: derived from the public key</source>
        <translation>optional, hex: aus dem öffentlichen Schlüssel abgeleitet</translation>
    </message>
    <message>
        <source>&amp;ID (CKA_ID):</source>
        <translation>ID (C&amp;KA_ID):</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file (.p12, .pfx).</source>
        <translation>Wählen Sie die PKCS#12-Datei (.p12, .pfx).</translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%1 ist keine lesbare Datei.</translation>
    </message>
    <message>
        <source>%1 is too large to be a PKCS#12 file.</source>
        <translation>%1 ist zu groß für eine PKCS#12-Datei.</translation>
    </message>
    <message>
        <source>The label starts or ends with a space; remove it, some programs trim it and then cannot find the key.</source>
        <translation>Die Bezeichnung beginnt oder endet mit einem Leerzeichen; entfernen Sie es, denn manche Programme schneiden es ab und finden den Schlüssel dann nicht.</translation>
    </message>
    <message>
        <source>The ID must be hex digits, two per byte (e.g. 01ab).</source>
        <translation>Die ID muss aus Hexadezimalziffern bestehen, zwei pro Byte (z. B. 01ab).</translation>
    </message>
    <message>
        <source>The ID %1 is already used on this token by %2.</source>
        <translation>Die ID %1 wird auf diesem Token bereits von %2 verwendet.</translation>
    </message>
    <message>
        <source>Choose a PKCS#12 file</source>
        <translation>PKCS#12-Datei auswählen</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Waiting for the token to store the key and certificates…</source>
        <translation>Warten darauf, dass der Token den Schlüssel und die Zertifikate speichert…</translation>
    </message>
    <message>
        <source>Key URI:</source>
        <translation>URI des Schlüssels:</translation>
    </message>
    <message>
        <source>Its certificate:</source>
        <translation>Sein Zertifikat:</translation>
    </message>
    <message>
        <source>Chain certificate:</source>
        <translation>Zertifikat der Kette:</translation>
    </message>
    <message>
        <source>Already on the token:</source>
        <translation>Bereits auf dem Token:</translation>
    </message>
    <message>
        <source>Imported the key “%1” with the ID %2.&lt;br&gt;&lt;i&gt;%3&lt;/i&gt;</source>
        <translation>Der Schlüssel „%1“ wurde mit der ID %2 importiert.&lt;br&gt;&lt;i&gt;%3&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The import was cancelled before it reached the token; nothing was written.</source>
        <translation>Der Import wurde abgebrochen, bevor er den Token erreichte; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
</context>
<context>
    <name>RenameKeyDialog</name>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Rename key pair</source>
        <translation>Schlüsselpaar umbenennen</translation>
    </message>
    <message>
        <source>The private key, its public key and its certificate get the new label and ID together, so programs keep pairing them. Java shows the certificate&apos;s label as the alias.</source>
        <translation>Der private Schlüssel, sein öffentlicher Schlüssel und sein Zertifikat erhalten gemeinsam die neue Bezeichnung und ID, damit Programme sie weiterhin einander zuordnen. Java zeigt die Bezeichnung des Zertifikats als Alias.</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neue Bezeichnung</translation>
    </message>
    <message>
        <source>New &amp;label:</source>
        <translation>Neue &amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>New ID</source>
        <translation>Neue ID</translation>
    </message>
    <message>
        <source>hex, e.g. 01ab</source>
        <translation>hex, z. B. 01ab</translation>
    </message>
    <message>
        <source>New &amp;ID (CKA_ID, hex):</source>
        <translation>Neue &amp;ID (CKA_ID, hex):</translation>
    </message>
    <message>
        <source>Objects that change:</source>
        <translation>Objekte, die sich ändern:</translation>
    </message>
    <message>
        <source>Give the key a label: Java shows it as the alias, and you will look for it by name.</source>
        <translation>Geben Sie dem Schlüssel eine Bezeichnung: Java zeigt sie als Alias, und Sie werden ihn unter diesem Namen suchen.</translation>
    </message>
    <message>
        <source>Give the key an ID: programs pair a key and its certificate by it.</source>
        <translation>Geben Sie dem Schlüssel eine ID: Programme ordnen einen Schlüssel und sein Zertifikat darüber einander zu.</translation>
    </message>
    <message>
        <source>label “%1”</source>
        <translation>Bezeichnung „%1“</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>%1: unchanged</source>
        <translation>%1: unverändert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Waiting for the token to rename the key pair…</source>
        <translation>Warten darauf, dass der Token das Schlüsselpaar umbenennt…</translation>
    </message>
    <message>
        <source>Renamed: %1.</source>
        <translation>Umbenannt: %1.</translation>
    </message>
    <message>
        <source>The rename was cancelled before it reached the token; nothing was changed.</source>
        <translation>Das Umbenennen wurde abgebrochen, bevor es den Token erreichte; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Renaming</source>
        <translation>Umbenennen</translation>
    </message>
</context>
<context>
    <name>RestoreKeysDialog</name>
    <message>
        <source>X.509 certificate</source>
        <translation>X.509-Zertifikat</translation>
    </message>
    <message>
        <source>the device&apos;s CV request</source>
        <translation>der CV-Request des Geräts</translation>
    </message>
    <message>
        <source>a certificate file</source>
        <translation>eine Zertifikatsdatei</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore keys</source>
        <translation>Schlüssel wiederherstellen</translation>
    </message>
    <message>
        <source>Restore key backups (files of sc-hsm-tool --wrap-key or TokenDesk&apos;s Back up key) into the SmartCard-HSM with serial number %1 (reader %2). Only a device initialized with the DKEK shares a backup was made under can take its key.</source>
        <translation>Schlüsselsicherungen (Dateien von sc-hsm-tool --wrap-key oder von „Schlüssel sichern“ in TokenDesk) in das SmartCard-HSM mit der Seriennummer %1 (Leser %2) zurückspielen. Nur ein Gerät, das mit den DKEK-Anteilen initialisiert wurde, unter denen eine Sicherung erstellt wurde, kann deren Schlüssel aufnehmen.</translation>
    </message>
    <message>
        <source>Backup files:</source>
        <translation>Sicherungsdateien:</translation>
    </message>
    <message>
        <source>&amp;Choose files…</source>
        <translation>Dateien &amp;auswählen…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>CKA_ID</source>
        <translation>CKA_ID</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Backup files to restore</source>
        <translation>Zurückzuspielende Sicherungsdateien</translation>
    </message>
    <message>
        <source>Name of what is replaced</source>
        <translation>Name dessen, was ersetzt wird</translation>
    </message>
    <message>
        <source>&amp;Name to confirm:</source>
        <translation>Zur Bestätigung &amp;Name:</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>User &amp;PIN:</source>
        <translation>Benutzer-&amp;PIN:</translation>
    </message>
    <message>
        <source>The PIN is sent once. After a wrong PIN nothing more is sent: correct it and press Restore again.</source>
        <translation>Die PIN wird einmal gesendet. Nach einer falschen PIN wird nichts mehr gesendet: Korrigieren Sie sie und klicken Sie erneut auf „Wiederherstellen“.</translation>
    </message>
    <message>
        <source>Key backups to restore</source>
        <translation>Zurückzuspielende Schlüsselsicherungen</translation>
    </message>
    <message>
        <source>Key backups (*.wrap *.bin *.der)</source>
        <translation>Schlüsselsicherungen (*.wrap *.bin *.der)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading the device…</source>
        <translation>Das Gerät wird gelesen…</translation>
    </message>
    <message>
        <source>The device could not be read, so the files were not checked against it: %1</source>
        <translation>Das Gerät konnte nicht gelesen werden, daher wurden die Dateien nicht mit ihm abgeglichen: %1</translation>
    </message>
    <message>
        <source>%1 “%2”</source>
        <translation>%1 „%2“</translation>
    </message>
    <message>
        <source>The backup&apos;s private key description has no CKA_ID.</source>
        <translation>Die Beschreibung des privaten Schlüssels in der Sicherung hat keine CKA_ID.</translation>
    </message>
    <message>
        <source>Another chosen file holds a key with this CKA_ID; choose one of them.</source>
        <translation>Eine andere ausgewählte Datei enthält einen Schlüssel mit dieser CKA_ID; wählen Sie eine von beiden.</translation>
    </message>
    <message>
        <source>waiting for the device…</source>
        <translation>Warten auf das Gerät…</translation>
    </message>
    <message>
        <source>can be restored (DKEK check value %1)</source>
        <translation>kann zurückgespielt werden (DKEK-Prüfwert %1)</translation>
    </message>
    <message>
        <source>replaces what the device holds under this CKA_ID (see below)</source>
        <translation>ersetzt, was das Gerät unter dieser CKA_ID enthält (siehe unten)</translation>
    </message>
    <message>
        <source>Restoring deletes from the device: %1. What is deleted cannot be recovered unless you have a backup of it. To replace it, type its name “%2” below.</source>
        <translation>Das Zurückspielen löscht vom Gerät: %1. Was gelöscht wird, lässt sich nur wiederherstellen, wenn Sie eine Sicherung davon haben. Um es zu ersetzen, geben Sie unten seinen Namen „%2“ ein.</translation>
    </message>
    <message>
        <source>Restoring deletes from the device: %1. What is deleted cannot be recovered unless you have a backup of it. To replace them, type their names below, separated by commas: %2.</source>
        <translation>Das Zurückspielen löscht vom Gerät: %1. Was gelöscht wird, lässt sich nur wiederherstellen, wenn Sie eine Sicherung davon haben. Um sie zu ersetzen, geben Sie unten ihre Namen durch Kommas getrennt ein: %2.</translation>
    </message>
    <message>
        <source>&amp;Replace and restore</source>
        <translation>&amp;Ersetzen und wiederherstellen</translation>
    </message>
    <message>
        <source>Type “%1” to confirm that it is replaced, or choose other files.</source>
        <translation>Geben Sie „%1“ ein, um zu bestätigen, dass es ersetzt wird, oder wählen Sie andere Dateien.</translation>
    </message>
    <message>
        <source>Type “%1” to confirm that they are replaced, or choose other files.</source>
        <translation>Geben Sie „%1“ ein, um zu bestätigen, dass sie ersetzt werden, oder wählen Sie andere Dateien.</translation>
    </message>
    <message>
        <source>Choose the backup files to restore.</source>
        <translation>Wählen Sie die zurückzuspielenden Sicherungsdateien.</translation>
    </message>
    <message>
        <source>A file cannot be restored (see its row): nothing is written while one does not pass. Choose the files again without it.</source>
        <translation>Eine Datei kann nicht zurückgespielt werden (siehe ihre Zeile): Solange eine die Prüfung nicht besteht, wird nichts geschrieben. Wählen Sie die Dateien erneut ohne sie.</translation>
    </message>
    <message>
        <source>Enter the user PIN.</source>
        <translation>Geben Sie die Benutzer-PIN ein.</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the device: restoring %n key(s)…</source>
        <translation>
            <numerusform>Warten auf das Gerät: %n Schlüssel wird zurückgespielt…</numerusform>
            <numerusform>Warten auf das Gerät: %n Schlüssel werden zurückgespielt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the device: restoring file %1 of %2 (%3)…</source>
        <translation>Warten auf das Gerät: Datei %1 von %2 (%3) wird zurückgespielt…</translation>
    </message>
    <message>
        <source>“%1”, CKA_ID %2, key reference %3, certificate: %4</source>
        <translation>„%1“, CKA_ID %2, Schlüsselreferenz %3, Zertifikat: %4</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n key(s). The tree reads the device again.</source>
        <translation>
            <numerusform>%n Schlüssel zurückgespielt. Die Baumansicht liest das Gerät erneut.</numerusform>
            <numerusform>%n Schlüssel zurückgespielt. Die Baumansicht liest das Gerät erneut.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmCard</name>
    <message>
        <source>the application reports no version</source>
        <translation>die Anwendung meldet keine Version</translation>
    </message>
    <message>
        <source>a file chunk is longer than asked for</source>
        <translation>ein Dateiabschnitt ist länger als angefordert</translation>
    </message>
    <message>
        <source>a file on the device is larger than expected</source>
        <translation>eine Datei auf dem Gerät ist größer als erwartet</translation>
    </message>
    <message>
        <source>the file is too large for the device</source>
        <translation>die Datei ist zu groß für das Gerät</translation>
    </message>
    <message>
        <source>The initialization values are incomplete.</source>
        <translation>Die Initialisierungswerte sind unvollständig.</translation>
    </message>
    <message>
        <source>An SO-PIN has 16 hexadecimal digits.</source>
        <translation>Eine SO-PIN hat 16 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>A DKEK share has exactly 32 bytes.</source>
        <translation>Ein DKEK-Anteil hat genau 32 Bytes.</translation>
    </message>
    <message>
        <source>the list of objects has an odd length</source>
        <translation>die Objektliste hat eine ungerade Länge</translation>
    </message>
    <message>
        <source>The label must have 1 to 32 bytes in UTF-8.</source>
        <translation>Die Bezeichnung muss in UTF-8 1 bis 32 Bytes haben.</translation>
    </message>
    <message>
        <source>The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).</source>
        <translation>Die SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F).</translation>
    </message>
</context>
<context>
    <name>SchsmConfirmInitPage</name>
    <message>
        <source>The last step before anything is changed on the device.</source>
        <translation>Der letzte Schritt, bevor etwas auf dem Gerät geändert wird.</translation>
    </message>
    <message>
        <source>nothing: the device was never initialized</source>
        <translation>nichts: Das Gerät wurde nie initialisiert</translation>
    </message>
    <message>
        <source>reading what the device holds…</source>
        <translation>der Inhalt des Geräts wird gelesen…</translation>
    </message>
    <message>
        <source>everything on it: %1</source>
        <translation>alles darauf: %1</translation>
    </message>
    <message>
        <source>everything on it (its contents could not be read: %1)</source>
        <translation>alles darauf (sein Inhalt konnte nicht gelesen werden: %1)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>changed to the new one right after the initialization</source>
        <translation>direkt nach dem Initialisieren auf die neue geändert</translation>
    </message>
    <message>
        <source>stays as it is</source>
        <translation>bleibt, wie sie ist</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>serial %1 in %2</source>
        <translation>Seriennummer %1 in %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Current label</source>
        <translation>Aktuelle Bezeichnung</translation>
    </message>
    <message>
        <source>Erased</source>
        <translation>Gelöscht wird</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message numerus="yes">
        <source>set to the one you chose; %n tries</source>
        <translation>
            <numerusform>auf die von Ihnen gewählte gesetzt; %n Versuch</numerusform>
            <numerusform>auf die von Ihnen gewählte gesetzt; %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>SO-PIN may reset the user PIN</source>
        <translation>SO-PIN darf die Benutzer-PIN zurücksetzen</translation>
    </message>
    <message>
        <source>Transport PIN</source>
        <translation>Transport-PIN</translation>
    </message>
    <message>
        <source>DKEK shares</source>
        <translation>DKEK-Anteile</translation>
    </message>
    <message>
        <source>none: keys can never be backed up or cloned</source>
        <translation>keine: Schlüssel können nie gesichert oder geklont werden</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neue Bezeichnung</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything on this device will be erased for good.&lt;/b&gt; Keys cannot be recovered unless they were backed up with the DKEK, and whatever they protect stops working.</source>
        <translation>&lt;b&gt;Alles auf diesem Gerät wird endgültig gelöscht.&lt;/b&gt; Schlüssel lassen sich nicht wiederherstellen, sofern sie nicht mit dem DKEK gesichert wurden, und alles, was sie schützen, funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>The device will be initialized with the settings above.</source>
        <translation>Das Gerät wird mit den obigen Einstellungen initialisiert.</translation>
    </message>
    <message>
        <source>To confirm, type the device&apos;s serial &lt;b&gt;%1&lt;/b&gt; or its label &lt;b&gt;%2&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung die Seriennummer des Geräts &lt;b&gt;%1&lt;/b&gt; oder seine Bezeichnung &lt;b&gt;%2&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>To confirm, type &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Geben Sie zur Bestätigung &lt;b&gt;%1&lt;/b&gt; ein:</translation>
    </message>
    <message>
        <source>set to the one you gave</source>
        <translation>wird auf die von Ihnen angegebene gesetzt</translation>
    </message>
    <message>
        <source>none: the device was never initialized</source>
        <translation>keine: Das Gerät wurde nie initialisiert</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>wird gelesen…</translation>
    </message>
    <message>
        <source>unknown (the device could not be read)</source>
        <translation>unbekannt (das Gerät konnte nicht gelesen werden)</translation>
    </message>
    <message>
        <source>“%1” (OpenSC&apos;s name for a device without a label of its own)</source>
        <translation>„%1“ (der Name, den OpenSC einem Gerät ohne eigene Bezeichnung gibt)</translation>
    </message>
    <message>
        <source>(none: OpenSC shows “%1”)</source>
        <translation>(keine: OpenSC zeigt „%1“)</translation>
    </message>
    <message>
        <source>“%1” (OpenSC shows “%2”)</source>
        <translation>„%1“ (OpenSC zeigt „%2“)</translation>
    </message>
</context>
<context>
    <name>SchsmDevice</name>
    <message>
        <source>The SO-PIN is still the one you entered as the current SO-PIN.</source>
        <translation>Die SO-PIN ist noch die, die Sie als aktuelle SO-PIN eingegeben haben.</translation>
    </message>
    <message>
        <source>changing the SO-PIN</source>
        <translation>das Ändern der SO-PIN</translation>
    </message>
    <message>
        <source>writing the label</source>
        <translation>das Schreiben der Bezeichnung</translation>
    </message>
    <message>
        <source>The device was initialized, but %1 failed: %2. %3</source>
        <translation>Das Gerät wurde initialisiert, aber %1 ist fehlgeschlagen: %2. %3</translation>
    </message>
    <message>
        <source>The device refused share %1 of %2 (%3): %4</source>
        <translation>Das Gerät hat Anteil %1 von %2 (%3) abgelehnt: %4</translation>
    </message>
    <message>
        <source>after a share the device reports %1 of %2 shares missing instead of %3</source>
        <translation>nach einem Anteil meldet das Gerät %1 von %2 Anteilen als fehlend statt %3</translation>
    </message>
    <message>
        <source>The device reports DKEK check value %1, but the chosen shares give %2. The DKEK on the device is not the one these share files make: do not rely on it for backups; initialize the device again and import the right shares.</source>
        <translation>Das Gerät meldet den DKEK-Prüfwert %1, die gewählten Anteile ergeben aber %2. Der DKEK auf dem Gerät ist nicht der, den diese Anteilsdateien ergeben: Verlassen Sie sich für Sicherungen nicht darauf; initialisieren Sie das Gerät erneut und importieren Sie die richtigen Anteile.</translation>
    </message>
    <message>
        <source>The current SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).</source>
        <translation>Die aktuelle SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F).</translation>
    </message>
    <message numerus="yes">
        <source>The device went away while share %1 of %2 (%3) was being sent; the device had confirmed %n share(s) of this import before. It may or may not have taken this share: put it back and check its DKEK status before importing again. %4</source>
        <translation>
            <numerusform>Das Gerät wurde entfernt, während Anteil %1 von %2 (%3) gesendet wurde; zuvor hatte das Gerät %n Anteil dieses Imports bestätigt. Ob es diesen Anteil übernommen hat, ist offen: Stecken Sie es wieder ein und prüfen Sie seinen DKEK-Status, bevor Sie erneut importieren. %4</numerusform>
            <numerusform>Das Gerät wurde entfernt, während Anteil %1 von %2 (%3) gesendet wurde; zuvor hatte das Gerät %n Anteile dieses Imports bestätigt. Ob es diesen Anteil übernommen hat, ist offen: Stecken Sie es wieder ein und prüfen Sie seinen DKEK-Status, bevor Sie erneut importieren. %4</numerusform>
        </translation>
    </message>
    <message>
        <source>The card in reader %1 is not this token&apos;s device (serial number %2): the PIN was not sent and nothing was written.</source>
        <translation>Die Karte im Leser %1 ist nicht das Gerät dieses Tokens (Seriennummer %2): Die PIN wurde nicht gesendet und nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>SchsmDevicePanel</name>
    <message>
        <source>SmartCard-HSM device</source>
        <translation>SmartCard-HSM-Gerät</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Initialize &amp;device…</source>
        <translation>&amp;Gerät initialisieren…</translation>
    </message>
    <message>
        <source>Import DKEK &amp;shares…</source>
        <translation>DKEK-Anteile &amp;importieren…</translation>
    </message>
    <message>
        <source>Device serial</source>
        <translation>Seriennummer des Geräts</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Initialized</source>
        <translation>Initialisiert</translation>
    </message>
    <message>
        <source>SO-PIN may reset user PIN</source>
        <translation>SO-PIN darf Benutzer-PIN zurücksetzen</translation>
    </message>
    <message>
        <source>Transport PIN</source>
        <translation>Transport-PIN</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>DKEK shares expected</source>
        <translation>Erwartete DKEK-Anteile</translation>
    </message>
    <message>
        <source>DKEK shares missing</source>
        <translation>Fehlende DKEK-Anteile</translation>
    </message>
    <message>
        <source>DKEK key check value</source>
        <translation>DKEK-Schlüsselprüfwert</translation>
    </message>
    <message>
        <source>Read the device&apos;s state again (no PIN is sent)</source>
        <translation>Den Zustand des Geräts erneut lesen (es wird keine PIN gesendet)</translation>
    </message>
    <message>
        <source>Reading the device in %1…</source>
        <translation>Das Gerät in %1 wird gelesen…</translation>
    </message>
    <message>
        <source>SmartCard-HSM device %1</source>
        <translation>SmartCard-HSM-Gerät %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>no — the device was never initialized</source>
        <translation>nein — das Gerät wurde nie initialisiert</translation>
    </message>
    <message>
        <source>active — change the user PIN before first use</source>
        <translation>aktiv — ändern Sie die Benutzer-PIN vor der ersten Verwendung</translation>
    </message>
    <message>
        <source>used, the user PIN has been changed</source>
        <translation>verwendet, die Benutzer-PIN wurde geändert</translation>
    </message>
    <message>
        <source>0 — keys on this device can never be backed up or cloned</source>
        <translation>0 — Schlüssel auf diesem Gerät können nie gesichert oder geklont werden</translation>
    </message>
    <message>
        <source>known once every share is imported</source>
        <translation>bekannt, sobald jeder Anteil importiert ist</translation>
    </message>
    <message>
        <source>The device&apos;s state could not be read: %1</source>
        <translation>Der Zustand des Geräts konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Key domains</source>
        <translation>Schlüsseldomänen</translation>
    </message>
    <message>
        <source>the SmartCard-HSM device</source>
        <translation>dem SmartCard-HSM-Gerät</translation>
    </message>
    <message>
        <source>the SmartCard-HSM device %1</source>
        <translation>dem SmartCard-HSM-Gerät %1</translation>
    </message>
    <message>
        <source>not set (device not initialized)</source>
        <translation>nicht gesetzt (Gerät nicht initialisiert)</translation>
    </message>
    <message>
        <source>%1 — the device&apos;s own DKEK, from no shares: keys cannot be backed up</source>
        <translation>%1 — der eigene DKEK des Geräts, ohne Anteile: Schlüssel können nicht gesichert werden</translation>
    </message>
</context>
<context>
    <name>SchsmDevicesDialog</name>
    <message>
        <source>SmartCard-HSM devices</source>
        <translation>SmartCard-HSM-Geräte</translation>
    </message>
    <message>
        <source>Search &amp;again</source>
        <translation>&amp;Erneut suchen</translation>
    </message>
    <message>
        <source>&amp;Reader:</source>
        <translation>&amp;Leser:</translation>
    </message>
    <message>
        <source>Looking for SmartCard-HSM devices…</source>
        <translation>Suche nach SmartCard-HSM-Geräten…</translation>
    </message>
    <message>
        <source>No reader holds a SmartCard-HSM. Insert the device, then search again.</source>
        <translation>Kein Leser enthält ein SmartCard-HSM. Stecken Sie das Gerät ein und suchen Sie dann erneut.</translation>
    </message>
    <message>
        <source>The readers could not be searched: %1</source>
        <translation>Die Leser konnten nicht durchsucht werden: %1</translation>
    </message>
</context>
<context>
    <name>SchsmDkekPage</name>
    <message>
        <source>I understand: keys on this device can &amp;never be backed up or copied to another device.</source>
        <translation>Mir ist bewusst: Schlüssel auf diesem Gerät können &amp;nie gesichert oder auf ein anderes Gerät kopiert werden.</translation>
    </message>
    <message>
        <source>Device Key Encryption Key (DKEK)</source>
        <translation>Device Key Encryption Key (DKEK)</translation>
    </message>
    <message>
        <source>Keys are backed up and copied to other devices wrapped with the DKEK. The DKEK is made from shares: each share file is imported after the initialization (Import DKEK Shares).</source>
        <translation>Schlüssel werden, mit dem DKEK verpackt, gesichert und auf andere Geräte kopiert. Der DKEK wird aus Anteilen gebildet: Jede Anteilsdatei wird nach dem Initialisieren importiert (DKEK-Anteile importieren).</translation>
    </message>
    <message>
        <source>Number of DKEK &amp;shares:</source>
        <translation>Anzahl der DKEK-&amp;Anteile:</translation>
    </message>
    <message>
        <source>&lt;b&gt;No DKEK: the keys generated on this device can never be backed up, restored or copied to another device.&lt;/b&gt; If the device breaks or is lost, they are gone.</source>
        <translation>&lt;b&gt;Kein DKEK: Die auf diesem Gerät erzeugten Schlüssel können nie gesichert, wiederhergestellt oder auf ein anderes Gerät kopiert werden.&lt;/b&gt; Geht das Gerät kaputt oder verloren, sind sie verloren.</translation>
    </message>
    <message numerus="yes">
        <source>The device will wait for %n share(s). Until all of them are imported, keys cannot be backed up. Each key custodian keeps one share file and its password: make them with Tools ▸ Create DKEK share…, one per custodian, before or after this.</source>
        <translation>
            <numerusform>Das Gerät wartet auf %n Anteil. Bis er importiert ist, können keine Schlüssel gesichert werden. Jeder Schlüsselverwahrer bewahrt eine Anteilsdatei und ihr Passwort auf: Erstellen Sie sie mit Extras ▸ DKEK-Anteil erstellen…, eine pro Verwahrer, vorher oder nachher.</numerusform>
            <numerusform>Das Gerät wartet auf %n Anteile. Bis alle importiert sind, können keine Schlüssel gesichert werden. Jeder Schlüsselverwahrer bewahrt eine Anteilsdatei und ihr Passwort auf: Erstellen Sie sie mit Extras ▸ DKEK-Anteil erstellen…, eine pro Verwahrer, vorher oder nachher.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmError</name>
    <message>
        <source>a command is too long for the device</source>
        <translation>ein Befehl ist zu lang für das Gerät</translation>
    </message>
    <message>
        <source>the answer has no status word</source>
        <translation>die Antwort hat kein Statuswort</translation>
    </message>
    <message>
        <source>the answer is longer than its buffer</source>
        <translation>die Antwort ist länger als ihr Puffer</translation>
    </message>
    <message>
        <source>The device stopped answering in the middle of a command (no status word)</source>
        <translation>Das Gerät hat mitten in einem Befehl aufgehört zu antworten (kein Statuswort)</translation>
    </message>
    <message>
        <source>the answer never ends</source>
        <translation>die Antwort endet nie</translation>
    </message>
    <message>
        <source>Wrong SO-PIN — no tries left: the SO-PIN is now locked and the device can no longer be initialized</source>
        <translation>Falsche SO-PIN — keine Versuche mehr: Die SO-PIN ist jetzt gesperrt, und das Gerät kann nicht mehr initialisiert werden</translation>
    </message>
    <message numerus="yes">
        <source>Wrong SO-PIN — %n tries left</source>
        <translation>
            <numerusform>Falsche SO-PIN — noch %n Versuch</numerusform>
            <numerusform>Falsche SO-PIN — noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong user PIN — no tries left: the user PIN is now locked</source>
        <translation>Falsche Benutzer-PIN — keine Versuche mehr: Die Benutzer-PIN ist jetzt gesperrt</translation>
    </message>
    <message numerus="yes">
        <source>Wrong user PIN — %n tries left</source>
        <translation>
            <numerusform>Falsche Benutzer-PIN — noch %n Versuch</numerusform>
            <numerusform>Falsche Benutzer-PIN — noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>The SO-PIN is locked: the device refuses initialization and PIN resets for good</source>
        <translation>Die SO-PIN ist gesperrt: Das Gerät verweigert Initialisierung und PIN-Rücksetzung endgültig</translation>
    </message>
    <message>
        <source>The user PIN is locked; an SO-PIN holder can reset it if the device allows that</source>
        <translation>Die Benutzer-PIN ist gesperrt; wer die SO-PIN hat, kann sie zurücksetzen, sofern das Gerät das erlaubt</translation>
    </message>
    <message>
        <source>The device refused: the PIN it needs for this is locked</source>
        <translation>Das Gerät hat abgelehnt: Die dafür nötige PIN ist gesperrt</translation>
    </message>
    <message>
        <source>The user PIN is still the transport PIN: change it before using the device</source>
        <translation>Die Benutzer-PIN ist noch die Transport-PIN: Ändern Sie sie, bevor Sie das Gerät verwenden</translation>
    </message>
    <message>
        <source>The device refused: the referenced data is not usable</source>
        <translation>Das Gerät hat abgelehnt: Die referenzierten Daten sind nicht verwendbar</translation>
    </message>
    <message>
        <source>The device refused: log in with the user PIN first</source>
        <translation>Das Gerät hat abgelehnt: Melden Sie sich zuerst mit der Benutzer-PIN an</translation>
    </message>
    <message>
        <source>The device takes no DKEK share now: it is not initialized, was initialized without DKEK shares, or already has all of them</source>
        <translation>Das Gerät nimmt jetzt keinen DKEK-Anteil an: Es ist nicht initialisiert, wurde ohne DKEK-Anteile initialisiert oder hat bereits alle</translation>
    </message>
    <message>
        <source>The device refused: the conditions for this command are not met</source>
        <translation>Das Gerät hat abgelehnt: Die Bedingungen für diesen Befehl sind nicht erfüllt</translation>
    </message>
    <message>
        <source>The device has not been initialized yet</source>
        <translation>Das Gerät wurde noch nicht initialisiert</translation>
    </message>
    <message>
        <source>The device does not have the data this command refers to</source>
        <translation>Das Gerät hat die Daten nicht, auf die sich dieser Befehl bezieht</translation>
    </message>
    <message>
        <source>This card has no SmartCard-HSM application</source>
        <translation>Diese Karte hat keine SmartCard-HSM-Anwendung</translation>
    </message>
    <message>
        <source>The file does not exist on the device</source>
        <translation>Die Datei existiert auf dem Gerät nicht</translation>
    </message>
    <message>
        <source>The device refused the values sent (wrong data)</source>
        <translation>Das Gerät hat die gesendeten Werte abgelehnt (falsche Daten)</translation>
    </message>
    <message>
        <source>The device has no room left</source>
        <translation>Das Gerät hat keinen Platz mehr</translation>
    </message>
    <message>
        <source>The device refused the command&apos;s parameters</source>
        <translation>Das Gerät hat die Parameter des Befehls abgelehnt</translation>
    </message>
    <message>
        <source>The device refused the command&apos;s length</source>
        <translation>Das Gerät hat die Länge des Befehls abgelehnt</translation>
    </message>
    <message>
        <source>The device does not support this command</source>
        <translation>Das Gerät unterstützt diesen Befehl nicht</translation>
    </message>
    <message>
        <source>The device does not support this command class</source>
        <translation>Das Gerät unterstützt diese Befehlsklasse nicht</translation>
    </message>
    <message>
        <source>The device reported a memory failure</source>
        <translation>Das Gerät hat einen Speicherfehler gemeldet</translation>
    </message>
    <message>
        <source>The device reported an internal error</source>
        <translation>Das Gerät hat einen internen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The device reported an error</source>
        <translation>Das Gerät hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The device was removed or reset during the operation</source>
        <translation>Das Gerät wurde während des Vorgangs entfernt oder zurückgesetzt</translation>
    </message>
    <message>
        <source>There is no card in the reader</source>
        <translation>Im Leser steckt keine Karte</translation>
    </message>
    <message>
        <source>The reader is not available</source>
        <translation>Der Leser ist nicht verfügbar</translation>
    </message>
    <message>
        <source>The smart card service (pcscd) is not running</source>
        <translation>Der Chipkartendienst (pcscd) läuft nicht</translation>
    </message>
    <message>
        <source>Another program holds the card exclusively; close it and try again</source>
        <translation>Ein anderes Programm belegt die Karte exklusiv; schließen Sie es und versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>Talking to the card failed</source>
        <translation>Die Kommunikation mit der Karte ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>The device&apos;s answer cannot be used: %1</source>
        <translation>Die Antwort des Geräts ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>%1. Nothing on the device was changed.</source>
        <translation>%1. Auf dem Gerät wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The device refused to export the key: every DKEK share must be imported first, and the key must have been generated with the permission to be exported</source>
        <translation>Das Gerät hat die Ausgabe des Schlüssels verweigert: Zuerst müssen alle DKEK-Anteile importiert sein, und der Schlüssel muss mit der Erlaubnis zur Ausgabe erzeugt worden sein</translation>
    </message>
    <message>
        <source>The device has no key under this key reference</source>
        <translation>Das Gerät hat unter dieser Schlüsselreferenz keinen Schlüssel</translation>
    </message>
    <message>
        <source>The device refused to import the key: every DKEK share must be imported first</source>
        <translation>Das Gerät hat die Aufnahme des Schlüssels verweigert: Zuerst müssen alle DKEK-Anteile importiert sein</translation>
    </message>
    <message>
        <source>The device refused the key blob: it was not made under this device&apos;s DKEK, or it is damaged</source>
        <translation>Das Gerät hat den Schlüsselblob verweigert: Er wurde nicht unter dem DKEK dieses Geräts erstellt, oder er ist beschädigt</translation>
    </message>
    <message>
        <source>The device already holds a key under this key reference</source>
        <translation>Das Gerät enthält unter dieser Schlüsselreferenz bereits einen Schlüssel</translation>
    </message>
    <message>
        <source>The file or key exists already on the device</source>
        <translation>Die Datei oder der Schlüssel ist auf dem Gerät bereits vorhanden</translation>
    </message>
</context>
<context>
    <name>SchsmImportProgressPage</name>
    <message>
        <source>&amp;Stop After This Share</source>
        <translation>Nach diesem Anteil &amp;anhalten</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>The shares go to the device one by one. A share being sent cannot be interrupted; Stop ends the import before the next one.</source>
        <translation>Die Anteile gehen einzeln an das Gerät. Ein Anteil, der gerade gesendet wird, kann nicht unterbrochen werden; „Anhalten“ beendet den Import vor dem nächsten.</translation>
    </message>
    <message>
        <source>Stopping after the share being sent…</source>
        <translation>Anhalten nach dem Anteil, der gerade gesendet wird…</translation>
    </message>
    <message>
        <source>Importing share %1 of %2 (%3)…</source>
        <translation>Anteil %1 von %2 (%3) wird importiert…</translation>
    </message>
    <message>
        <source>Reading the device&apos;s DKEK state…</source>
        <translation>Der DKEK-Zustand des Geräts wird gelesen…</translation>
    </message>
</context>
<context>
    <name>SchsmImportResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What the device reports now, read back after the import.</source>
        <translation>Was das Gerät jetzt meldet, nach dem Import zurückgelesen.</translation>
    </message>
    <message>
        <source>The DKEK is complete and its check value %1 is the expected one.</source>
        <translation>Der DKEK ist vollständig, und sein Prüfwert %1 ist der erwartete.</translation>
    </message>
    <message>
        <source>The device&apos;s DKEK is not the one these shares make.</source>
        <translation>Der DKEK des Geräts ist nicht der, den diese Anteile ergeben.</translation>
    </message>
    <message>
        <source>The DKEK is complete; the device reports check value %1.</source>
        <translation>Der DKEK ist vollständig; das Gerät meldet den Prüfwert %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n share(s) imported; the device waits for %1 more.</source>
        <translation>
            <numerusform>%n Anteil importiert; das Gerät wartet auf %1 weitere.</numerusform>
            <numerusform>%n Anteile importiert; das Gerät wartet auf %1 weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import was stopped.</source>
        <translation>Der Import wurde angehalten.</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n share(s); the device waits for %1 more.</source>
        <translation>
            <numerusform>Angehalten nach %n Anteil; das Gerät wartet auf %1 weitere.</numerusform>
            <numerusform>Angehalten nach %n Anteilen; das Gerät wartet auf %1 weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import did not complete.</source>
        <translation>Der Import wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Shares were imported before this import, so the check value could not be predicted: compare it with the value your key custodians recorded.</source>
        <translation>Vor diesem Import wurden bereits Anteile importiert, daher ließ sich der Prüfwert nicht vorhersagen: Vergleichen Sie ihn mit dem Wert, den Ihre Schlüsselverwahrer notiert haben.</translation>
    </message>
    <message>
        <source>What the device reports now:</source>
        <translation>Was das Gerät jetzt meldet:</translation>
    </message>
    <message>
        <source>The device&apos;s state could not be read.</source>
        <translation>Der Zustand des Geräts konnte nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>SchsmImportSharesWizard</name>
    <message>
        <source>Import DKEK Shares</source>
        <translation>DKEK-Anteile importieren</translation>
    </message>
</context>
<context>
    <name>SchsmInitProgressPage</name>
    <message>
        <source>Initializing</source>
        <translation>Initialisieren</translation>
    </message>
    <message>
        <source>Please wait. A command the device is working on cannot be interrupted; this usually takes a few seconds.</source>
        <translation>Bitte warten Sie. Ein Befehl, den das Gerät gerade bearbeitet, kann nicht unterbrochen werden; das dauert meist einige Sekunden.</translation>
    </message>
    <message>
        <source>Initializing the device in %1…</source>
        <translation>Das Gerät in %1 wird initialisiert…</translation>
    </message>
    <message>
        <source>The initialization did not run.</source>
        <translation>Die Initialisierung wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <source>Reading the device&apos;s state…</source>
        <translation>Der Zustand des Geräts wird gelesen…</translation>
    </message>
</context>
<context>
    <name>SchsmInitResultPage</name>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>What the device reports now, read back after the initialization.</source>
        <translation>Was das Gerät jetzt meldet, nach dem Initialisieren zurückgelesen.</translation>
    </message>
    <message>
        <source>The initialization did not complete.</source>
        <translation>Die Initialisierung wurde nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>The device was not initialized.</source>
        <translation>Das Gerät wurde nicht initialisiert.</translation>
    </message>
    <message>
        <source>What the device reports now:</source>
        <translation>Was das Gerät jetzt meldet:</translation>
    </message>
    <message>
        <source>The device&apos;s state could not be read.</source>
        <translation>Der Zustand des Geräts konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The device is initialized.</source>
        <translation>Das Gerät ist initialisiert.</translation>
    </message>
    <message>
        <source>The SO-PIN was changed to the new one.</source>
        <translation>Die SO-PIN wurde auf die neue geändert.</translation>
    </message>
    <message>
        <source>OpenSC shows it as “%1”.</source>
        <translation>OpenSC zeigt es als „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Next, import the %n DKEK share(s) with Import DKEK shares… on the device panel; until then no key can be backed up. Share files are made with Tools ▸ Create DKEK share….</source>
        <translation>
            <numerusform>Importieren Sie als Nächstes den %n DKEK-Anteil mit „DKEK-Anteile importieren…“ im Gerätebereich; bis dahin kann kein Schlüssel gesichert werden. Anteilsdateien werden mit Extras ▸ DKEK-Anteil erstellen… erstellt.</numerusform>
            <numerusform>Importieren Sie als Nächstes die %n DKEK-Anteile mit „DKEK-Anteile importieren…“ im Gerätebereich; bis dahin kann kein Schlüssel gesichert werden. Anteilsdateien werden mit Extras ▸ DKEK-Anteil erstellen… erstellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmInitializeWizard</name>
    <message>
        <source>Initialize SmartCard-HSM</source>
        <translation>SmartCard-HSM initialisieren</translation>
    </message>
</context>
<context>
    <name>SchsmKeyBackup</name>
    <message>
        <source>The device has no DKEK: it was initialized without DKEK shares, so it cannot export keys. Initialize it with DKEK shares to make backups.</source>
        <translation>Das Gerät hat keinen DKEK: Es wurde ohne DKEK-Anteile initialisiert und kann daher keine Schlüssel ausgeben. Initialisieren Sie es mit DKEK-Anteilen, um Sicherungen zu erstellen.</translation>
    </message>
    <message numerus="yes">
        <source>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be backed up.</source>
        <translation>
            <numerusform>Der DKEK des Geräts ist nicht vollständig: %n DKEK-Anteil muss noch importiert werden, bevor ein Schlüssel gesichert werden kann.</numerusform>
            <numerusform>Der DKEK des Geräts ist nicht vollständig: %n DKEK-Anteile müssen noch importiert werden, bevor ein Schlüssel gesichert werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>the private key description</source>
        <translation>die Beschreibung des privaten Schlüssels</translation>
    </message>
    <message>
        <source>Keys under the key references %1 and %2 both have the CKA_ID %3; TokenDesk cannot tell which one to back up.</source>
        <translation>Die Schlüssel unter den Schlüsselreferenzen %1 und %2 haben beide die CKA_ID %3; TokenDesk kann nicht entscheiden, welcher gesichert werden soll.</translation>
    </message>
    <message>
        <source>The device has no private key with the CKA_ID %1.</source>
        <translation>Das Gerät hat keinen privaten Schlüssel mit der CKA_ID %1.</translation>
    </message>
    <message>
        <source>The key has no CKA_ID, so TokenDesk cannot find it on the device.</source>
        <translation>Der Schlüssel hat keine CKA_ID, daher kann TokenDesk ihn auf dem Gerät nicht finden.</translation>
    </message>
    <message>
        <source>the key blob has the DKEK check value %1, the device reports %2</source>
        <translation>der Schlüsselblob hat den DKEK-Prüfwert %1, das Gerät meldet %2</translation>
    </message>
    <message>
        <source>the certificate</source>
        <translation>das Zertifikat</translation>
    </message>
    <message>
        <source>the backup does not read back with the key&apos;s CKA_ID</source>
        <translation>die Sicherung enthält beim Zurücklesen nicht die CKA_ID des Schlüssels</translation>
    </message>
</context>
<context>
    <name>SchsmKeyRestore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the certificate “%1” (CKA_ID %2)</source>
        <translation>das Zertifikat „%1“ (CKA_ID %2)</translation>
    </message>
    <message>
        <source>a certificate</source>
        <translation>ein Zertifikat</translation>
    </message>
    <message>
        <source>a certificate description</source>
        <translation>eine Zertifikatsbeschreibung</translation>
    </message>
    <message>
        <source>The device has no DKEK: it was initialized without DKEK shares, so it cannot take keys from backups. Initialize it with the DKEK shares the backup was made under.</source>
        <translation>Das Gerät hat keinen DKEK: Es wurde ohne DKEK-Anteile initialisiert und kann daher keine Schlüssel aus Sicherungen aufnehmen. Initialisieren Sie es mit den DKEK-Anteilen, unter denen die Sicherung erstellt wurde.</translation>
    </message>
    <message numerus="yes">
        <source>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be restored.</source>
        <translation>
            <numerusform>Der DKEK des Geräts ist nicht vollständig: %n DKEK-Anteil muss noch importiert werden, bevor ein Schlüssel zurückgespielt werden kann.</numerusform>
            <numerusform>Der DKEK des Geräts ist nicht vollständig: %n DKEK-Anteile müssen noch importiert werden, bevor ein Schlüssel zurückgespielt werden kann.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup was made under the DKEK with check value %1; the device&apos;s DKEK has check value %2. Only a device initialized with the same DKEK shares can take this key.</source>
        <translation>Die Sicherung wurde unter dem DKEK mit dem Prüfwert %1 erstellt; der DKEK des Geräts hat den Prüfwert %2. Nur ein Gerät, das mit denselben DKEK-Anteilen initialisiert wurde, kann diesen Schlüssel aufnehmen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>No backup file was chosen.</source>
        <translation>Es wurde keine Sicherungsdatei ausgewählt.</translation>
    </message>
    <message>
        <source>%1: the backup&apos;s private key description has no CKA_ID.</source>
        <translation>%1: Die Beschreibung des privaten Schlüssels in der Sicherung hat keine CKA_ID.</translation>
    </message>
    <message>
        <source>Two of the chosen files hold a key with the CKA_ID %1; choose one of them.</source>
        <translation>Zwei der ausgewählten Dateien enthalten einen Schlüssel mit der CKA_ID %1; wählen Sie eine davon.</translation>
    </message>
    <message>
        <source>%1: the device changed since it was read (what was to be replaced is gone); check again before restoring.</source>
        <translation>%1: Das Gerät hat sich geändert, seit es gelesen wurde (was ersetzt werden sollte, ist nicht mehr da); prüfen Sie erneut, bevor Sie zurückspielen.</translation>
    </message>
    <message>
        <source>%1: the device holds %2 under the CKA_ID %3. It is replaced only when you confirm it by name.</source>
        <translation>%1: Das Gerät enthält %2 unter der CKA_ID %3. Es wird nur ersetzt, wenn Sie es mit seinem Namen bestätigen.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>The device has no free key reference left.</source>
        <translation>Das Gerät hat keine freie Schlüsselreferenz mehr.</translation>
    </message>
    <message>
        <source>the private key description</source>
        <translation>die Beschreibung des privaten Schlüssels</translation>
    </message>
    <message>
        <source>the private key description does not read back as written</source>
        <translation>die Beschreibung des privaten Schlüssels liest sich nicht so zurück, wie sie geschrieben wurde</translation>
    </message>
    <message>
        <source>%1 was not restored: %2</source>
        <translation>%1 wurde nicht zurückgespielt: %2</translation>
    </message>
    <message>
        <source>No file before it was restored.</source>
        <translation>Keine Datei davor wurde zurückgespielt.</translation>
    </message>
    <message>
        <source>Restored before it: %1.</source>
        <translation>Davor zurückgespielt: %1.</translation>
    </message>
    <message>
        <source>the key “%1” (CKA_ID %2, key reference %3) and its X.509 certificate “%4”</source>
        <translation>den Schlüssel „%1“ (CKA_ID %2, Schlüsselreferenz %3) und sein X.509-Zertifikat „%4“</translation>
    </message>
    <message>
        <source>the key “%1” (CKA_ID %2, key reference %3) and the device&apos;s CV request for it</source>
        <translation>den Schlüssel „%1“ (CKA_ID %2, Schlüsselreferenz %3) und den CV-Request des Geräts dazu</translation>
    </message>
    <message>
        <source>the key “%1” (CKA_ID %2, key reference %3) and its certificate file</source>
        <translation>den Schlüssel „%1“ (CKA_ID %2, Schlüsselreferenz %3) und seine Zertifikatsdatei</translation>
    </message>
    <message>
        <source>the key “%1” (CKA_ID %2, key reference %3)</source>
        <translation>den Schlüssel „%1“ (CKA_ID %2, Schlüsselreferenz %3)</translation>
    </message>
    <message>
        <source>%1 was not completely restored (key reference %2): %3.</source>
        <translation>%1 wurde nicht vollständig zurückgespielt (Schlüsselreferenz %2): %3.</translation>
    </message>
    <message>
        <source>%1 was not completely restored (key reference %2): %3. What it was to replace may have been deleted already.</source>
        <translation>%1 wurde nicht vollständig zurückgespielt (Schlüsselreferenz %2): %3. Was es ersetzen sollte, ist möglicherweise bereits gelöscht.</translation>
    </message>
</context>
<context>
    <name>SchsmLabelPage</name>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>A name for the device, so it can be told apart from others. Up to %1 bytes; it may be left empty.</source>
        <translation>Ein Name für das Gerät, damit man es von anderen unterscheiden kann. Bis zu %1 Bytes; er darf leer bleiben.</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>Without a label, OpenSC and the programs using it show the device as “%1”.</source>
        <translation>Ohne Bezeichnung zeigen OpenSC und die Programme, die es verwenden, das Gerät als „%1“.</translation>
    </message>
    <message>
        <source>OpenSC and the programs using it will show the device as “%1”.</source>
        <translation>OpenSC und die Programme, die es verwenden, werden das Gerät als „%1“ zeigen.</translation>
    </message>
</context>
<context>
    <name>SchsmNewSoPinPage</name>
    <message>
        <source>&amp;Change the SO-PIN right after the initialization</source>
        <translation>SO-PIN direkt nach dem Initialisieren &amp;ändern</translation>
    </message>
    <message>
        <source>&amp;New SO-PIN:</source>
        <translation>&amp;Neue SO-PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new SO-PIN:</source>
        <translation>Neue SO-PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>New SO-PIN</source>
        <translation>Neue SO-PIN</translation>
    </message>
    <message>
        <source>An SO-PIN has exactly 16 hexadecimal digits (0-9, A-F). It is needed to initialize the device again and, if allowed, to reset the user PIN: keep it safe.</source>
        <translation>Eine SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F). Sie wird gebraucht, um das Gerät erneut zu initialisieren und, falls erlaubt, die Benutzer-PIN zurückzusetzen: Bewahren Sie sie sicher auf.</translation>
    </message>
    <message>
        <source>The vendor&apos;s default SO-PIN is public: choose a new one. It replaces the default right after the initialization.</source>
        <translation>Die Standard-SO-PIN des Herstellers ist öffentlich bekannt: Wählen Sie eine neue. Sie ersetzt die Standard-PIN direkt nach dem Initialisieren.</translation>
    </message>
    <message>
        <source>Optionally replace the SO-PIN right after the initialization.</source>
        <translation>Die SO-PIN auf Wunsch direkt nach dem Initialisieren ersetzen.</translation>
    </message>
    <message>
        <source>The two SO-PINs differ.</source>
        <translation>Die beiden SO-PINs stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Type the new SO-PIN in both fields, or untick the box to keep the current SO-PIN.</source>
        <translation>Geben Sie die neue SO-PIN in beide Felder ein, oder entfernen Sie das Häkchen, um die aktuelle SO-PIN zu behalten.</translation>
    </message>
</context>
<context>
    <name>SchsmObjects</name>
    <message>
        <source>no keys, certificates or data objects</source>
        <translation>keine Schlüssel, Zertifikate oder Datenobjekte</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n Schlüssel</numerusform>
            <numerusform>%n Schlüssel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n Zertifikat</numerusform>
            <numerusform>%n Zertifikate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data object(s)</source>
        <translation>
            <numerusform>%n Datenobjekt</numerusform>
            <numerusform>%n Datenobjekte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
</context>
<context>
    <name>SchsmReport</name>
    <message>
        <source>SmartCard-HSM devices</source>
        <translation>SmartCard-HSM-Geräte</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SchsmSharesPage</name>
    <message>
        <source>&amp;Add Share File…</source>
        <translation>Anteilsdatei &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Stop &amp;Opening</source>
        <translation>Öffnen &amp;stoppen</translation>
    </message>
    <message>
        <source>DKEK Share Files</source>
        <translation>DKEK-Anteilsdateien</translation>
    </message>
    <message>
        <source>Open each share file with its password or its key custodians&apos; shares. Nothing is sent to the device until you click Import.</source>
        <translation>Öffnen Sie jede Anteilsdatei mit ihrem Passwort oder den Anteilen ihrer Schlüsselverwahrer. Es wird nichts an das Gerät gesendet, bis Sie auf „Importieren“ klicken.</translation>
    </message>
    <message>
        <source>Check value the device will report</source>
        <translation>Prüfwert, den das Gerät melden wird</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Open DKEK Shares</source>
        <translation>DKEK-Anteile öffnen</translation>
    </message>
    <message>
        <source>DKEK share files (*.pbe);;All files (*)</source>
        <translation>DKEK-Anteilsdateien (*.pbe);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 holds the same share as %2 (check value %3); it was not added again.</source>
        <translation>%1 enthält denselben Anteil wie %2 (Prüfwert %3); er wurde nicht erneut hinzugefügt.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>%1 geöffnet.</translation>
    </message>
    <message>
        <source>Device %1: it reports no DKEK state.</source>
        <translation>Gerät %1: Es meldet keinen DKEK-Zustand.</translation>
    </message>
    <message>
        <source>No share files opened yet.</source>
        <translation>Noch keine Anteilsdateien geöffnet.</translation>
    </message>
    <message>
        <source>Once these shares are imported the DKEK is complete and the device must report this check value; the wizard compares it.</source>
        <translation>Sobald diese Anteile importiert sind, ist der DKEK vollständig, und das Gerät muss diesen Prüfwert melden; der Assistent vergleicht ihn.</translation>
    </message>
    <message numerus="yes">
        <source>After this import the device still waits for %n more share(s); its check value is known once all are in.</source>
        <translation>
            <numerusform>Nach diesem Import wartet das Gerät noch auf %n weiteren Anteil; sein Prüfwert ist bekannt, sobald alle da sind.</numerusform>
            <numerusform>Nach diesem Import wartet das Gerät noch auf %n weitere Anteile; sein Prüfwert ist bekannt, sobald alle da sind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Shares were imported before, so the final check value cannot be predicted from these files alone: compare it with the value your key custodians recorded.</source>
        <translation>Es wurden bereits zuvor Anteile importiert, daher lässt sich der endgültige Prüfwert nicht allein aus diesen Dateien vorhersagen: Vergleichen Sie ihn mit dem Wert, den Ihre Schlüsselverwahrer notiert haben.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Share(s)</source>
        <translation>
            <numerusform>%n Anteil &amp;importieren</numerusform>
            <numerusform>%n Anteile &amp;importieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Device %1: %2 of %n DKEK share(s) imported, %3 missing.</source>
        <translation>
            <numerusform>Gerät %1: %2 von %n DKEK-Anteil importiert, %3 fehlen.</numerusform>
            <numerusform>Gerät %1: %2 von %n DKEK-Anteilen importiert, %3 fehlen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmSoPinPage</name>
    <message>
        <source>&amp;Another SO-PIN:</source>
        <translation>&amp;Andere SO-PIN:</translation>
    </message>
    <message>
        <source>Current SO-PIN</source>
        <translation>Aktuelle SO-PIN</translation>
    </message>
    <message>
        <source>16 hexadecimal digits</source>
        <translation>16 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>I understand: if this SO-PIN is wrong, the SO-PIN locks and the device can never be initialized again.</source>
        <translation>Mir ist bewusst: Ist diese SO-PIN falsch, wird die SO-PIN gesperrt, und das Gerät kann nie wieder initialisiert werden.</translation>
    </message>
    <message>
        <source>Device %1 in %2. SO-PIN: %3.</source>
        <translation>Gerät %1 in %2. SO-PIN: %3.</translation>
    </message>
    <message>
        <source>(serial unknown)</source>
        <translation>(Seriennummer unbekannt)</translation>
    </message>
    <message>
        <source>The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).</source>
        <translation>Die SO-PIN besteht aus genau 16 Hexadezimalziffern (0-9, A-F).</translation>
    </message>
    <message>
        <source>Next checks the SO-PIN with the device at once; nothing is erased before the last page. A wrong SO-PIN changes nothing but uses up one try.</source>
        <translation>„Weiter“ prüft die SO-PIN sofort mit dem Gerät; vor der letzten Seite wird nichts gelöscht. Eine falsche SO-PIN ändert nichts, verbraucht aber einen Versuch.</translation>
    </message>
    <message>
        <source>The vendor&apos;s documented default SO-PIN %1 (a device fresh from the factory)</source>
        <translation>Die vom Hersteller dokumentierte Standard-SO-PIN %1 (ein Gerät im Auslieferungszustand)</translation>
    </message>
    <message>
        <source>Device %1 in %2 has never been initialized: the SO-PIN given now becomes its SO-PIN. Start from the vendor&apos;s documented default (you then choose a new SO-PIN that replaces it right after the initialization) or give your own.</source>
        <translation>Das Gerät %1 in %2 wurde noch nie initialisiert: Die jetzt angegebene SO-PIN wird seine SO-PIN. Beginnen Sie mit der vom Hersteller dokumentierten Standard-SO-PIN (Sie wählen dann eine neue SO-PIN, die sie direkt nach der Initialisierung ersetzt) oder geben Sie Ihre eigene an.</translation>
    </message>
    <message>
        <source>Checking the SO-PIN with the device…</source>
        <translation>Die SO-PIN wird mit dem Gerät geprüft…</translation>
    </message>
    <message>
        <source>The SO-PIN could not be checked.</source>
        <translation>Die SO-PIN konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Device %1 in %2 is as the vendor initialized it: nothing is stored on it and it has no DKEK shares, so its SO-PIN is most likely the vendor&apos;s documented default. SO-PIN: %3.</source>
        <translation>Das Gerät %1 in %2 ist so, wie der Hersteller es initialisiert hat: Es ist nichts darauf gespeichert und es hat keine DKEK-Anteile, daher ist seine SO-PIN sehr wahrscheinlich die dokumentierte Standard-SO-PIN des Herstellers. SO-PIN: %3.</translation>
    </message>
    <message>
        <source>Nothing is sent to the device before the last page. The device has no SO-PIN yet, so none can be wrong and no try is used up: the one given here becomes its SO-PIN.</source>
        <translation>Vor der letzten Seite wird nichts an das Gerät gesendet. Das Gerät hat noch keine SO-PIN, daher kann keine falsch sein und kein Versuch wird verbraucht: Die hier angegebene wird seine SO-PIN.</translation>
    </message>
    <message>
        <source>&amp;SO-PIN:</source>
        <translation>&amp;SO-PIN:</translation>
    </message>
    <message>
        <source>&amp;Repeat the SO-PIN:</source>
        <translation>SO-PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The two SO-PINs differ.</source>
        <translation>Die beiden SO-PINs stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>SchsmStatus</name>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>noch %n Versuch</numerusform>
            <numerusform>noch %n Versuche</numerusform>
        </translation>
    </message>
    <message>
        <source>verified in this session</source>
        <translation>in dieser Sitzung geprüft</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <source>not set (device not initialized)</source>
        <translation>nicht gesetzt (Gerät nicht initialisiert)</translation>
    </message>
    <message>
        <source>transport PIN, must be changed before use</source>
        <translation>Transport-PIN, muss vor der Verwendung geändert werden</translation>
    </message>
    <message numerus="yes">
        <source>the DKEK status has %n bytes instead of at least 10</source>
        <translation>
            <numerusform>der DKEK-Status hat %n Byte statt mindestens 10</numerusform>
            <numerusform>der DKEK-Status hat %n Bytes statt mindestens 10</numerusform>
        </translation>
    </message>
    <message>
        <source>the device reports more missing DKEK shares than it expects</source>
        <translation>das Gerät meldet mehr fehlende DKEK-Anteile, als es erwartet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Reader</source>
        <translation>Leser</translation>
    </message>
    <message>
        <source>Device serial</source>
        <translation>Seriennummer des Geräts</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Initialized</source>
        <translation>Initialisiert</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>SO may reset user PIN</source>
        <translation>SO darf Benutzer-PIN zurücksetzen</translation>
    </message>
    <message>
        <source>Transport PIN option</source>
        <translation>Option Transport-PIN</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>DKEK</source>
        <translation>DKEK</translation>
    </message>
    <message>
        <source>DKEK shares expected</source>
        <translation>Erwartete DKEK-Anteile</translation>
    </message>
    <message>
        <source>DKEK shares missing</source>
        <translation>Fehlende DKEK-Anteile</translation>
    </message>
    <message>
        <source>DKEK key check value</source>
        <translation>DKEK-Schlüsselprüfwert</translation>
    </message>
    <message>
        <source>pending (shares missing)</source>
        <translation>ausstehend (Anteile fehlen)</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>unbekannt: %1</translation>
    </message>
    <message>
        <source>not reported by the device</source>
        <translation>vom Gerät nicht gemeldet</translation>
    </message>
    <message>
        <source>not available: %1</source>
        <translation>nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>no DKEK shares</source>
        <translation>keine DKEK-Anteile</translation>
    </message>
    <message numerus="yes">
        <source>%n share(s) expected, %1 missing</source>
        <translation>
            <numerusform>%n Anteil erwartet, %1 fehlen</numerusform>
            <numerusform>%n Anteile erwartet, %1 fehlen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n share(s), complete, check value %1</source>
        <translation>
            <numerusform>%n Anteil, vollständig, Prüfwert %1</numerusform>
            <numerusform>%n Anteile, vollständig, Prüfwert %1</numerusform>
        </translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, UID %3</source>
        <translation>%1: %2, UID %3</translation>
    </message>
    <message>
        <source>Key domain</source>
        <translation>Schlüsseldomäne</translation>
    </message>
</context>
<context>
    <name>SchsmStatusHtml</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Device serial</source>
        <translation>Seriennummer des Geräts</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>SO-PIN</source>
        <translation>SO-PIN</translation>
    </message>
    <message>
        <source>SO-PIN may reset the user PIN</source>
        <translation>SO-PIN darf die Benutzer-PIN zurücksetzen</translation>
    </message>
    <message>
        <source>Transport PIN</source>
        <translation>Transport-PIN</translation>
    </message>
    <message>
        <source>DKEK</source>
        <translation>DKEK</translation>
    </message>
    <message>
        <source>none: keys cannot be backed up</source>
        <translation>keiner: Schlüssel können nicht gesichert werden</translation>
    </message>
    <message>
        <source>DKEK shares</source>
        <translation>DKEK-Anteile</translation>
    </message>
    <message>
        <source>%1 of %2 imported</source>
        <translation>%1 von %2 importiert</translation>
    </message>
    <message>
        <source>DKEK key check value</source>
        <translation>DKEK-Schlüsselprüfwert</translation>
    </message>
    <message numerus="yes">
        <source>pending (%n share(s) missing)</source>
        <translation>
            <numerusform>ausstehend (%n Anteil fehlt)</numerusform>
            <numerusform>ausstehend (%n Anteile fehlen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmUserPinPage</name>
    <message>
        <source>&amp;User PIN:</source>
        <translation>&amp;Benutzer-PIN:</translation>
    </message>
    <message>
        <source>R&amp;epeat the user PIN:</source>
        <translation>Benutzer-PIN &amp;wiederholen:</translation>
    </message>
    <message>
        <source>The &amp;SO-PIN may reset the user PIN</source>
        <translation>Die &amp;SO-PIN darf die Benutzer-PIN zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Transport PIN: the user must change the PIN before the device can be used</source>
        <translation>&amp;Transport-PIN: Der Benutzer muss die PIN ändern, bevor das Gerät verwendet werden kann</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>The PIN the device&apos;s user logs in with: %1 to %2 characters.</source>
        <translation>Die PIN, mit der sich der Benutzer des Geräts anmeldet: %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <source>Wrong PINs in a row before the user PIN locks. A 6-character PIN allows at most 3, a 7-character PIN at most 5.</source>
        <translation>Falsche PINs in Folge, bevor die Benutzer-PIN gesperrt wird. Eine 6-stellige PIN erlaubt höchstens 3, eine 7-stellige höchstens 5.</translation>
    </message>
    <message>
        <source>Without this option a locked user PIN can only be cured by initializing the device again, which erases its keys.</source>
        <translation>Ohne diese Option lässt sich eine gesperrte Benutzer-PIN nur beheben, indem das Gerät erneut initialisiert wird, was seine Schlüssel löscht.</translation>
    </message>
    <message>
        <source>Retry &amp;counter:</source>
        <translation>&amp;Fehlbedienungszähler:</translation>
    </message>
    <message>
        <source>The two user PINs differ.</source>
        <translation>Die beiden Benutzer-PINs stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificate</name>
    <message>
        <source>The validity must be between 1 and %1 days.</source>
        <translation>Die Gültigkeit muss zwischen 1 und %1 Tagen liegen.</translation>
    </message>
    <message>
        <source>The certificate signed by the token does not verify with the key&apos;s public key.</source>
        <translation>Das vom Token signierte Zertifikat lässt sich mit dem öffentlichen Schlüssel des Schlüssels nicht prüfen.</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificateDialog</name>
    <message>
        <source>&amp;Create certificate</source>
        <translation>Zertifikat &amp;erstellen</translation>
    </message>
    <message>
        <source>Self-signed certificate</source>
        <translation>Selbstsigniertes Zertifikat</translation>
    </message>
    <message>
        <source>A certificate signed by the key itself, for tests and internal use, for &lt;b&gt;%1&lt;/b&gt; (%2, ID %3). The token makes the signature; the certificate is stored on the token with the key&apos;s ID and label.</source>
        <translation>Ein vom Schlüssel selbst signiertes Zertifikat für Tests und den internen Gebrauch, für &lt;b&gt;%1&lt;/b&gt; (%2, ID %3). Der Token erzeugt die Signatur; das Zertifikat wird mit der ID und Bezeichnung des Schlüssels auf dem Token gespeichert.</translation>
    </message>
    <message>
        <source>There is no private key with the ID %1 on this token (log in to see private keys).</source>
        <translation>Auf diesem Token gibt es keinen privaten Schlüssel mit der ID %1 (melden Sie sich an, um private Schlüssel zu sehen).</translation>
    </message>
    <message>
        <source>The key already has %1. The new certificate is added next to it; programs may pick either.</source>
        <translation>Der Schlüssel hat bereits %1. Das neue Zertifikat wird daneben abgelegt; Programme können jedes der beiden wählen.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Common name (CN):</source>
        <translation>Allgemeiner Name (CN):</translation>
    </message>
    <message>
        <source>Organization (O):</source>
        <translation>Organisation (O):</translation>
    </message>
    <message>
        <source>Organizational unit (OU):</source>
        <translation>Organisationseinheit (OU):</translation>
    </message>
    <message>
        <source>Country, 2 letters (C):</source>
        <translation>Land, 2 Buchstaben (C):</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Gültig für:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>&amp;Usage:</source>
        <translation>&amp;Verwendung:</translation>
    </message>
    <message>
        <source>&amp;Digest:</source>
        <translation>&amp;Hashverfahren:</translation>
    </message>
    <message>
        <source>PIN for this signature</source>
        <translation>PIN für diese Signatur</translation>
    </message>
    <message>
        <source>empty on a reader with a PIN pad</source>
        <translation>leer bei einem Leser mit PIN-Pad</translation>
    </message>
    <message>
        <source>&amp;PIN for this signature:</source>
        <translation>&amp;PIN für diese Signatur:</translation>
    </message>
    <message>
        <source>Choose a private key on a token you are logged in to.</source>
        <translation>Wählen Sie einen privaten Schlüssel auf einem Token, an dem Sie angemeldet sind.</translation>
    </message>
    <message>
        <source>Subject and issuer: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>Inhaber und Aussteller: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <source>Waiting for the token to sign the certificate with “%1”…</source>
        <translation>Warten darauf, dass der Token das Zertifikat mit „%1“ signiert…</translation>
    </message>
    <message>
        <source>Created and stored on the token, valid from %1 to %2 (UTC).</source>
        <translation>Erstellt und auf dem Token gespeichert, gültig von %1 bis %2 (UTC).</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Inhaber:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI:</translation>
    </message>
    <message>
        <source>The certificate was not created: the job was cancelled before it reached the token.</source>
        <translation>Das Zertifikat wurde nicht erstellt: Der Auftrag wurde abgebrochen, bevor er den Token erreichte.</translation>
    </message>
    <message>
        <source>Creating the certificate</source>
        <translation>Das Zertifikat wird erstellt</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>it reported %1 handles for room for %2</source>
        <translation>es meldete %1 Handles bei Platz für %2</translation>
    </message>
    <message>
        <source>one search kept returning objects past %1</source>
        <translation>eine Suche lieferte immer weiter Objekte über %1 hinaus</translation>
    </message>
</context>
<context>
    <name>SetupDiff</name>
    <message>
        <source>TokenDesk cannot create a temporary folder for the comparison: %1</source>
        <translation>TokenDesk kann keinen temporären Ordner für den Vergleich anlegen: %1</translation>
    </message>
    <message>
        <source>TokenDesk cannot write its temporary files for the comparison.</source>
        <translation>TokenDesk kann seine temporären Dateien für den Vergleich nicht schreiben.</translation>
    </message>
    <message>
        <source>diff could not compare the files (is diffutils installed?): %1</source>
        <translation>diff konnte die Dateien nicht vergleichen (ist diffutils installiert?): %1</translation>
    </message>
    <message>
        <source># Would register the module “%1” (%2) in the NSS database %3</source>
        <translation># Würde das Modul „%1“ (%2) in der NSS-Datenbank %3 registrieren</translation>
    </message>
</context>
<context>
    <name>SetupJournal</name>
    <message>
        <source>TokenDesk cannot read its setup journal %1.</source>
        <translation>TokenDesk kann sein Einrichtungsprotokoll %1 nicht lesen.</translation>
    </message>
    <message>
        <source>TokenDesk&apos;s setup journal %1 is damaged or from another version; it was left as it is.</source>
        <translation>Das Einrichtungsprotokoll %1 von TokenDesk ist beschädigt oder stammt von einer anderen Version; es wurde unverändert gelassen.</translation>
    </message>
</context>
<context>
    <name>SetupPlan</name>
    <message>
        <source>TokenDesk cannot read %1 (it must be a file of at most 4 MiB that you can read); nothing was written.</source>
        <translation>TokenDesk kann %1 nicht lesen (es muss eine für Sie lesbare Datei von höchstens 4 MiB sein); es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was written.</source>
        <translation>%1: %2 Es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>SetupTextFormat</name>
    <message>
        <source># File: %1</source>
        <translation># Datei: %1</translation>
    </message>
    <message>
        <source># Commands:</source>
        <translation># Befehle:</translation>
    </message>
    <message>
        <source># File: %1 (TokenDesk&apos;s block; the rest of the file stays)</source>
        <translation># Datei: %1 (der Block von TokenDesk; der Rest der Datei bleibt erhalten)</translation>
    </message>
</context>
<context>
    <name>SetupWriter</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The module could not be registered in the NSS database %1: %2</source>
        <translation>Das Modul konnte nicht in der NSS-Datenbank %1 registriert werden: %2</translation>
    </message>
    <message>
        <source>Without the journal there would be no Undo, so nothing was changed.</source>
        <translation>Ohne das Protokoll gäbe es kein Rückgängigmachen, deshalb wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 was changed after TokenDesk wrote it; Undo would lose that change, so nothing was undone. Compare it with the backup and restore it by hand.</source>
        <translation>%1 wurde geändert, nachdem TokenDesk die Datei geschrieben hat; Rückgängigmachen würde diese Änderung verlieren, deshalb wurde nichts rückgängig gemacht. Vergleichen Sie die Datei mit der Sicherung und stellen Sie sie von Hand wieder her.</translation>
    </message>
    <message>
        <source>The module “%1” in the NSS database %2 was changed after TokenDesk registered it; nothing was undone.</source>
        <translation>Das Modul „%1“ in der NSS-Datenbank %2 wurde geändert, nachdem TokenDesk es registriert hat; es wurde nichts rückgängig gemacht.</translation>
    </message>
    <message>
        <source>TokenDesk could not remove %1.</source>
        <translation>TokenDesk konnte %1 nicht entfernen.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>SigningChoices</name>
    <message>
        <source>TLS client</source>
        <translation>TLS-Client</translation>
    </message>
    <message>
        <source>TLS server</source>
        <translation>TLS-Server</translation>
    </message>
    <message>
        <source>Email protection (S/MIME)</source>
        <translation>E-Mail-Schutz (S/MIME)</translation>
    </message>
    <message>
        <source>Code signing</source>
        <translation>Codesignatur</translation>
    </message>
</context>
<context>
    <name>SoPinPage</name>
    <message>
        <source>Repeat the new SO-PIN:</source>
        <translation>Neue SO-PIN wiederholen:</translation>
    </message>
    <message>
        <source>Security Officer PIN</source>
        <translation>PIN des Sicherheitsbeauftragten (SO-PIN)</translation>
    </message>
    <message>
        <source>I understand: if this SO-PIN is wrong, the SO-PIN locks for good.</source>
        <translation>Mir ist bewusst: Ist diese SO-PIN falsch, wird die SO-PIN endgültig gesperrt.</translation>
    </message>
    <message>
        <source>Token “%1”, serial %2</source>
        <translation>Token „%1“, Seriennummer %2</translation>
    </message>
    <message>
        <source>This reader has a PIN pad: you will enter the current SO-PIN on the reader when the initialization starts.</source>
        <translation>Dieser Leser hat ein PIN-Pad: Sie geben die aktuelle SO-PIN am Leser ein, wenn das Initialisieren beginnt.</translation>
    </message>
    <message>
        <source>This reader has a PIN pad: you will choose the SO-PIN on the reader when the initialization starts.</source>
        <translation>Dieser Leser hat ein PIN-Pad: Sie wählen die SO-PIN am Leser, wenn das Initialisieren beginnt.</translation>
    </message>
    <message>
        <source>Enter the token&apos;s current SO-PIN. The token checks it before erasing anything, and keeps it: change it afterwards with Change SO-PIN… if needed.</source>
        <translation>Geben Sie die aktuelle SO-PIN des Tokens ein. Der Token prüft sie, bevor er etwas löscht, und behält sie: Ändern Sie sie bei Bedarf danach mit „SO-PIN ändern…“.</translation>
    </message>
    <message>
        <source>This token has no SO-PIN yet. Choose one and keep it safe: it is needed to unblock the user PIN and to initialize the token again.</source>
        <translation>Dieser Token hat noch keine SO-PIN. Wählen Sie eine und bewahren Sie sie sicher auf: Sie wird gebraucht, um die Benutzer-PIN zu entsperren und den Token erneut zu initialisieren.</translation>
    </message>
    <message>
        <source>Current SO-PIN:</source>
        <translation>Aktuelle SO-PIN:</translation>
    </message>
    <message>
        <source>New SO-PIN:</source>
        <translation>Neue SO-PIN:</translation>
    </message>
    <message>
        <source>SO-PINs on this token have %1.</source>
        <translation>SO-PINs auf diesem Token haben %1.</translation>
    </message>
    <message>
        <source>A SmartCard-HSM / Nitrokey HSM takes the SO-PIN as 16 hexadecimal digits; its factory setting is 3537363231383830.</source>
        <translation>Ein SmartCard-HSM / Nitrokey HSM nimmt die SO-PIN als 16 Hexadezimalziffern; ab Werk ist sie 3537363231383830.</translation>
    </message>
    <message>
        <source>Checking the SO-PIN with the token…</source>
        <translation>Die SO-PIN wird mit dem Token geprüft…</translation>
    </message>
</context>
<context>
    <name>SshSetup</name>
    <message>
        <source>ssh uses every key of every token this module shows; the line for this key ends with its label “%1”.</source>
        <translation>ssh verwendet jeden Schlüssel jedes Tokens, den dieses Modul zeigt; die Zeile für diesen Schlüssel endet mit seiner Bezeichnung „%1“.</translation>
    </message>
</context>
<context>
    <name>SupportTraceDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Record a Support Trace</source>
        <translation>Support-Mitschnitt aufzeichnen</translation>
    </message>
    <message>
        <source>While recording, TokenDesk writes every call it makes to a PKCS#11 module to the file below: the function, slot, session and object numbers, attribute types and lengths, the mechanism, the result code, how long the call took and on which thread. Attach the file to a support request.

Never recorded: PINs (not even their length), passwords, key material, data and signatures, and attribute values other than the object class, key type, certificate type, key size and the token, private, sensitive and extractable flags.

Labels are not recorded either: they often hold names or e-mail addresses, which are personal data. The file does name the module files and the versions of TokenDesk, Qt and OpenSSL. Read it before you send it: it is plain text.</source>
        <translation>Während der Aufzeichnung schreibt TokenDesk jeden Aufruf, den es an ein PKCS#11-Modul richtet, in die unten angegebene Datei: die Funktion, Steckplatz-, Sitzungs- und Objektnummern, Attributtypen und -längen, den Mechanismus, den Rückgabecode, wie lange der Aufruf dauerte und in welchem Thread. Hängen Sie die Datei an eine Support-Anfrage an.

Nie aufgezeichnet werden: PINs (nicht einmal ihre Länge), Passwörter, Schlüsselmaterial, Daten und Signaturen sowie Attributwerte außer der Objektklasse, dem Schlüsseltyp, dem Zertifikatstyp, der Schlüssellänge und den Merkmalen Token, privat, sensibel und exportierbar.

Auch Bezeichnungen werden nicht aufgezeichnet: Sie enthalten oft Namen oder E-Mail-Adressen, also personenbezogene Daten. Die Datei nennt aber die Moduldateien und die Versionen von TokenDesk, Qt und OpenSSL. Lesen Sie sie, bevor Sie sie versenden: Es ist reiner Text.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>Save Support Trace</source>
        <translation>Support-Mitschnitt speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Choose the file the trace is written to.</source>
        <translation>Wählen Sie die Datei, in die der Mitschnitt geschrieben wird.</translation>
    </message>
    <message>
        <source>&amp;Stop recording</source>
        <translation>Aufzeichnung &amp;beenden</translation>
    </message>
    <message>
        <source>&amp;Start recording</source>
        <translation>Aufzeichnung &amp;starten</translation>
    </message>
</context>
<context>
    <name>SupportTraceStatus</name>
    <message>
        <source>Stop trace</source>
        <translation>Mitschnitt beenden</translation>
    </message>
    <message>
        <source>Support trace saved to %1</source>
        <translation>Support-Mitschnitt gespeichert unter %1</translation>
    </message>
    <message>
        <source>Recording a support trace to %1</source>
        <translation>Support-Mitschnitt wird aufgezeichnet in %1</translation>
    </message>
</context>
<context>
    <name>TokenCommandDialog</name>
    <message>
        <source>Waiting for the token: an operation in progress cannot be interrupted. The window can be closed once it has finished.</source>
        <translation>Warten auf den Token: Ein laufender Vorgang kann nicht unterbrochen werden. Das Fenster kann geschlossen werden, sobald er beendet ist.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>TokenInitializer</name>
    <message>
        <source>Checking that the token is still the one you chose…</source>
        <translation>Es wird geprüft, ob der Token noch der gewählte ist…</translation>
    </message>
    <message>
        <source>Initializing the token: erasing everything on it and writing the new label…</source>
        <translation>Der Token wird initialisiert: Alles darauf wird gelöscht und die neue Bezeichnung geschrieben…</translation>
    </message>
    <message>
        <source>Finding the token again…</source>
        <translation>Der Token wird erneut gesucht…</translation>
    </message>
    <message>
        <source>Setting the user PIN (logged in as security officer)…</source>
        <translation>Die Benutzer-PIN wird gesetzt (als Sicherheitsbeauftragter angemeldet)…</translation>
    </message>
    <message>
        <source>Reading the token back to check the result…</source>
        <translation>Der Token wird zur Prüfung des Ergebnisses zurückgelesen…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>The token changed since you chose it. Close the wizard and start again.</source>
        <translation>Der Token hat sich geändert, seit Sie ihn gewählt haben. Schließen Sie den Assistenten und beginnen Sie von vorn.</translation>
    </message>
    <message>
        <source>The token was initialized (erased, with its new label), but TokenDesk could not find it again afterwards: no token with its manufacturer, model and serial number, and no single new token, is listed now. So the user PIN was not set. To finish: refresh (F5), select the token and choose Unblock PIN… to set the user PIN with the SO-PIN.</source>
        <translation>Der Token wurde initialisiert (gelöscht, mit seiner neuen Bezeichnung), aber TokenDesk konnte ihn danach nicht wiederfinden: Es wird weder ein Token mit seinem Hersteller, Modell und seiner Seriennummer noch ein einzelner neuer Token aufgeführt. Daher wurde die Benutzer-PIN nicht gesetzt. Zum Abschließen: Aktualisieren Sie (F5), wählen Sie den Token und wählen Sie „PIN entsperren…“, um die Benutzer-PIN mit der SO-PIN zu setzen.</translation>
    </message>
    <message>
        <source>The token does not report itself as initialized.</source>
        <translation>Der Token meldet sich nicht als initialisiert.</translation>
    </message>
    <message>
        <source>The token reports the label “%1”.</source>
        <translation>Der Token meldet die Bezeichnung „%1“.</translation>
    </message>
    <message>
        <source>The token does not report a user PIN as set.</source>
        <translation>Der Token meldet keine gesetzte Benutzer-PIN.</translation>
    </message>
</context>
<context>
    <name>TokenJobWizard</name>
    <message>
        <source>Waiting for the token: an operation in progress cannot be interrupted. The window can be closed once it has finished.</source>
        <translation>Warten auf den Token: Ein laufender Vorgang kann nicht unterbrochen werden. Das Fenster kann geschlossen werden, sobald er beendet ist.</translation>
    </message>
</context>
<context>
    <name>TokenKey</name>
    <message>
        <source>There is no private key with the ID %1 on this token (are you logged in?).</source>
        <translation>Auf diesem Token gibt es keinen privaten Schlüssel mit der ID %1 (sind Sie angemeldet?).</translation>
    </message>
    <message>
        <source>%1 private keys share the ID %2, so programs cannot tell them apart. Run the token health check to give them distinct IDs first.</source>
        <translation>%1 private Schlüssel teilen sich die ID %2, daher können Programme sie nicht unterscheiden. Führen Sie zuerst die Zustandsprüfung des Tokens aus, um ihnen verschiedene IDs zu geben.</translation>
    </message>
</context>
<context>
    <name>TokenObjects</name>
    <message>
        <source>no ID</source>
        <translation>keine ID</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>%1 without label (%2)</source>
        <translation>%1 ohne Bezeichnung (%2)</translation>
    </message>
    <message>
        <source>%1 “%2” (%3)</source>
        <translation>%1 „%2“ (%3)</translation>
    </message>
</context>
<context>
    <name>TokenSigner</name>
    <message>
        <source>The token returned an ECDSA signature of unexpected length (%1 bytes).</source>
        <translation>Der Token hat eine ECDSA-Signatur unerwarteter Länge geliefert (%1 Bytes).</translation>
    </message>
    <message>
        <source>The public key of “%1” is not on the token (no public-key object or certificate with its ID), so its signatures cannot be checked. Run the token health check.</source>
        <translation>Der öffentliche Schlüssel von „%1“ ist nicht auf dem Token (kein Objekt für den öffentlichen Schlüssel und kein Zertifikat mit seiner ID), daher lassen sich seine Signaturen nicht prüfen. Führen Sie die Zustandsprüfung des Tokens aus.</translation>
    </message>
    <message>
        <source>RSA-PSS needs an RSA key.</source>
        <translation>RSA-PSS braucht einen RSA-Schlüssel.</translation>
    </message>
    <message>
        <source>TokenDesk cannot sign with %1 keys.</source>
        <translation>TokenDesk kann mit %1-Schlüsseln nicht signieren.</translation>
    </message>
    <message>
        <source>This token cannot sign with %1 using %2.</source>
        <translation>Dieser Token kann mit %1 nicht per %2 signieren.</translation>
    </message>
    <message>
        <source>The key “%1” asks for the PIN again for every signature. Enter the PIN to sign.</source>
        <translation>Der Schlüssel „%1“ verlangt für jede Signatur erneut die PIN. Geben Sie die PIN ein, um zu signieren.</translation>
    </message>
    <message>
        <source>The token&apos;s signature does not verify with the public key of “%1”: the key and its public key or certificate do not belong together.</source>
        <translation>Die Signatur des Tokens lässt sich mit dem öffentlichen Schlüssel von „%1“ nicht prüfen: Der Schlüssel und sein öffentlicher Schlüssel oder sein Zertifikat gehören nicht zusammen.</translation>
    </message>
</context>
<context>
    <name>TokenTreeModel</name>
    <message>
        <source>Private keys</source>
        <translation>Private Schlüssel</translation>
    </message>
    <message>
        <source>Public keys</source>
        <translation>Öffentliche Schlüssel</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Secret keys</source>
        <translation>Geheime Schlüssel</translation>
    </message>
    <message>
        <source>Data objects</source>
        <translation>Datenobjekte</translation>
    </message>
    <message>
        <source>not initialized</source>
        <translation>nicht initialisiert</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <translation>PIN gesperrt</translation>
    </message>
    <message>
        <source>PIN: one try left</source>
        <translation>PIN: noch ein Versuch</translation>
    </message>
    <message>
        <source>PIN: a wrong PIN was entered</source>
        <translation>PIN: eine falsche PIN wurde eingegeben</translation>
    </message>
    <message>
        <source>no user PIN set</source>
        <translation>keine Benutzer-PIN gesetzt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>First to expire: “%1”, %2</source>
        <translation>Läuft zuerst ab: „%1“, %2</translation>
    </message>
    <message>
        <source>(no label)</source>
        <translation>(keine Bezeichnung)</translation>
    </message>
    <message>
        <source>software demo token</source>
        <translation>Software-Demo-Token</translation>
    </message>
    <message>
        <source>not logged in — private objects hidden</source>
        <translation>nicht angemeldet — private Objekte verborgen</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>angemeldet</translation>
    </message>
    <message>
        <source>cannot be decoded</source>
        <translation>nicht dekodierbar</translation>
    </message>
    <message>
        <source>certificate “%1”</source>
        <translation>Zertifikat „%1“</translation>
    </message>
    <message>
        <source>application “%1”</source>
        <translation>Anwendung „%1“</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>ID %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>CKA_ID mismatch</source>
        <translation>CKA_ID stimmt nicht überein</translation>
    </message>
    <message>
        <source>wrong certificate</source>
        <translation>falsches Zertifikat</translation>
    </message>
    <message>
        <source>Busy: an operation on this token is running. Other tokens can be used meanwhile.</source>
        <translation>Beschäftigt: Auf diesem Token läuft ein Vorgang. Andere Token können inzwischen verwendet werden.</translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
    <message>
        <source>slot %1 — token not readable: %2</source>
        <translation>Steckplatz %1 — Token nicht lesbar: %2</translation>
    </message>
    <message>
        <source>slot %1</source>
        <translation>Steckplatz %1</translation>
    </message>
    <message>
        <source>slot %1 — no token</source>
        <translation>Steckplatz %1 — kein Token</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) expired or expiring within %1 days</source>
        <translation>
            <numerusform>%n Zertifikat abgelaufen oder läuft innerhalb von %1 Tagen ab</numerusform>
            <numerusform>%n Zertifikate abgelaufen oder laufen innerhalb von %1 Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <source>Pairing problem (not an expiry): %1</source>
        <translation>Zuordnungsproblem (kein Ablauf): %1</translation>
    </message>
</context>
<context>
    <name>TraceRecorder</name>
    <message>
        <source>A support trace is already being recorded to %1.</source>
        <translation>Es wird bereits ein Support-Mitschnitt in %1 aufgezeichnet.</translation>
    </message>
    <message>
        <source>The support trace cannot be written to %1: %2</source>
        <translation>Der Support-Mitschnitt kann nicht in %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The support trace could not be saved to %1: %2</source>
        <translation>Der Support-Mitschnitt konnte nicht unter %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>TreeFilter</name>
    <message>
        <source>Filter: name, subject, issuer, serial, ID, fingerprint or URI (Ctrl+F)</source>
        <translation>Filter: Name, Inhaber, Aussteller, Seriennummer, ID, Fingerabdruck oder URI (Strg+F)</translation>
    </message>
    <message>
        <source>Filter the tree</source>
        <translation>Baum filtern</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>UnlockDkekShareDialog</name>
    <message>
        <source>Open DKEK Share</source>
        <translation>DKEK-Anteil öffnen</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source>With its &amp;password</source>
        <translation>Mit seinem &amp;Passwort</translation>
    </message>
    <message>
        <source>With key &amp;custodians&apos; shares (n-of-m)</source>
        <translation>Mit den Anteilen der Schlüssel&amp;verwahrer (n von m)</translation>
    </message>
    <message>
        <source>hexadecimal, as on the custodian&apos;s sheet</source>
        <translation>hexadezimal, wie auf dem Blatt des Verwahrers</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>&amp;Add Share</source>
        <translation>Anteil &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Start &amp;Over</source>
        <translation>&amp;Neu beginnen</translation>
    </message>
    <message>
        <source>P&amp;rime:</source>
        <translation>P&amp;rimzahl:</translation>
    </message>
    <message>
        <source>Share &amp;ID:</source>
        <translation>Anteils-&amp;ID:</translation>
    </message>
    <message>
        <source>Share &amp;value:</source>
        <translation>Anteils&amp;wert:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>No shares entered yet.</source>
        <translation>Noch keine Anteile eingegeben.</translation>
    </message>
    <message>
        <source>1 share entered (ID %1).</source>
        <translation>1 Anteil eingegeben (ID %1).</translation>
    </message>
    <message>
        <source>%1 shares entered (IDs %2).</source>
        <translation>%1 Anteile eingegeben (IDs %2).</translation>
    </message>
    <message>
        <source>Share ID %1 was already entered.</source>
        <translation>Die Anteils-ID %1 wurde bereits eingegeben.</translation>
    </message>
    <message>
        <source>Each custodian in turn types the values from their sheet and presses Enter (Add Share); the share then leaves the screen. Enter as many shares as the file needs, then Open.</source>
        <translation>Jeder Verwahrer gibt nacheinander die Werte von seinem Blatt ein und drückt die Eingabetaste (Anteil hinzufügen); der Anteil verschwindet dann vom Bildschirm. Geben Sie so viele Anteile ein, wie die Datei braucht, dann Öffnen.</translation>
    </message>
</context>
<context>
    <name>UseKeyDialog</name>
    <message>
        <source>Use this key in…</source>
        <translation>Diesen Schlüssel verwenden in…</translation>
    </message>
    <message>
        <source>Key “%1” on the token “%2” (serial %3)</source>
        <translation>Schlüssel „%1“ auf dem Token „%2“ (Seriennummer %3)</translation>
    </message>
    <message>
        <source>PKCS#11 URI</source>
        <translation>PKCS#11-URI</translation>
    </message>
    <message>
        <source>Java (keytool, JSSE)</source>
        <translation>Java (keytool, JSSE)</translation>
    </message>
    <message>
        <source>OpenSSL (pkcs11 engine)</source>
        <translation>OpenSSL (pkcs11-Engine)</translation>
    </message>
    <message>
        <source>OpenSSH</source>
        <translation>OpenSSH</translation>
    </message>
    <message>
        <source>p11-kit (every p11-kit-aware program)</source>
        <translation>p11-kit (jedes Programm, das p11-kit nutzt)</translation>
    </message>
    <message>
        <source>Browsers (NSS: Chromium, Firefox)</source>
        <translation>Browser (NSS: Chromium, Firefox)</translation>
    </message>
    <message>
        <source>IBM MQ / GSKit</source>
        <translation>IBM MQ / GSKit</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>&amp;Programm:</translation>
    </message>
    <message>
        <source>Changes to the files</source>
        <translation>Änderungen an den Dateien</translation>
    </message>
    <message>
        <source>No file TokenDesk writes holds a PIN, and TokenDesk never writes one: the programs ask for it. New files and folders can be read by you only (mode 600 and 700); a file that is changed keeps its permissions, and its previous version is kept next to it with the date in its name.</source>
        <translation>Keine Datei, die TokenDesk schreibt, enthält eine PIN, und TokenDesk schreibt nie eine: Die Programme fragen danach. Neue Dateien und Ordner können nur Sie lesen (Modus 600 und 700); eine geänderte Datei behält ihre Rechte, und ihre vorige Fassung bleibt mit dem Datum im Namen daneben liegen.</translation>
    </message>
    <message>
        <source>&amp;Write</source>
        <translation>&amp;Schreiben</translation>
    </message>
    <message>
        <source>&amp;Undo last write</source>
        <translation>Letztes Schreiben &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Puts back the files of TokenDesk&apos;s last write byte for byte, whichever program it was for.</source>
        <translation>Stellt die Dateien des letzten Schreibens von TokenDesk Byte für Byte wieder her, für welches Programm es auch war.</translation>
    </message>
    <message>
        <source>&amp;Files</source>
        <translation>&amp;Dateien</translation>
    </message>
    <message>
        <source>&amp;Commands</source>
        <translation>&amp;Befehle</translation>
    </message>
    <message>
        <source>Token P&amp;IN:</source>
        <translation>Token-P&amp;IN:</translation>
    </message>
    <message>
        <source>Token PIN</source>
        <translation>Token-PIN</translation>
    </message>
    <message>
        <source>&amp;Test it</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <source>The program&apos;s output</source>
        <translation>Ausgabe des Programms</translation>
    </message>
    <message>
        <source>Te&amp;st it</source>
        <translation>T&amp;est</translation>
    </message>
    <message>
        <source>%1 (a new file)</source>
        <translation>%1 (eine neue Datei)</translation>
    </message>
    <message>
        <source>%1 (TokenDesk&apos;s lines in it change)</source>
        <translation>%1 (die Zeilen von TokenDesk darin ändern sich)</translation>
    </message>
    <message>
        <source>%1 (it changes)</source>
        <translation>%1 (sie ändert sich)</translation>
    </message>
    <message>
        <source>%1 (it holds this setup already)</source>
        <translation>%1 (enthält diese Einrichtung bereits)</translation>
    </message>
    <message>
        <source>The NSS database %1: the module “%2” is registered in it</source>
        <translation>Die NSS-Datenbank %1: Das Modul „%2“ wird darin registriert</translation>
    </message>
    <message>
        <source>The NSS database %1 (the module is registered in it already)</source>
        <translation>Die NSS-Datenbank %1 (das Modul ist darin bereits registriert)</translation>
    </message>
    <message>
        <source>Nothing is written for this program: run the commands it needs yourself (Commands).</source>
        <translation>Für dieses Programm wird nichts geschrieben: Führen Sie die nötigen Befehle selbst aus (Befehle).</translation>
    </message>
    <message>
        <source>What Write changes:</source>
        <translation>Was Schreiben ändert:</translation>
    </message>
    <message>
        <source>IBM MQ&apos;s GSKit cannot be installed here, so TokenDesk cannot run it: the commands shown use the token label exactly as the module reports it.</source>
        <translation>GSKit von IBM MQ lässt sich hier nicht installieren, daher kann TokenDesk es nicht ausführen: Die angezeigten Befehle verwenden das Token-Label genau so, wie das Modul es meldet.</translation>
    </message>
    <message>
        <source>TokenDesk runs the program against the token. The PIN goes to it in a file only you can read, removed afterwards, never on a command line.</source>
        <translation>TokenDesk führt das Programm gegen den Token aus. Die PIN erhält es in einer Datei, die nur Sie lesen können und die danach entfernt wird, nie auf einer Befehlszeile.</translation>
    </message>
    <message>
        <source>TokenDesk runs the program against the token; it needs no PIN.</source>
        <translation>TokenDesk führt das Programm gegen den Token aus; es braucht keine PIN.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Angelegt: %1</translation>
    </message>
    <message>
        <source>Changed %1 (the previous version is in %2)</source>
        <translation>Geändert: %1 (die vorige Fassung liegt in %2)</translation>
    </message>
    <message>
        <source>Unchanged %1 (it holds this setup already)</source>
        <translation>Unverändert: %1 (enthält diese Einrichtung bereits)</translation>
    </message>
    <message>
        <source>Registered the module “%1” in the NSS database %2</source>
        <translation>Das Modul „%1“ wurde in der NSS-Datenbank %2 registriert</translation>
    </message>
    <message>
        <source>There is nothing to undo: TokenDesk&apos;s setup journal is empty.</source>
        <translation>Es gibt nichts rückgängig zu machen: Das Einrichtungsprotokoll von TokenDesk ist leer.</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>Wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <source>Removed the module “%1” from the NSS database %2</source>
        <translation>Das Modul „%1“ wurde aus der NSS-Datenbank %2 entfernt</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Passed: %1</source>
        <translation>Bestanden: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Reading what is on disk…</source>
        <translation>Lese, was auf dem Datenträger steht…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibe…</translation>
    </message>
    <message>
        <source>Nothing was written: the files hold this setup already.</source>
        <translation>Nichts wurde geschrieben: Die Dateien enthalten diese Einrichtung bereits.</translation>
    </message>
    <message>
        <source>Undoing…</source>
        <translation>Mache rückgängig…</translation>
    </message>
</context>
<context>
    <name>UserPinPage</name>
    <message>
        <source>New user PIN:</source>
        <translation>Neue Benutzer-PIN:</translation>
    </message>
    <message>
        <source>Repeat the user PIN:</source>
        <translation>Benutzer-PIN wiederholen:</translation>
    </message>
    <message>
        <source>User PIN</source>
        <translation>Benutzer-PIN</translation>
    </message>
    <message>
        <source>The PIN the token&apos;s user logs in with. It is set right after initialization, so the token is ready to use.</source>
        <translation>Die PIN, mit der sich der Benutzer des Tokens anmeldet. Sie wird direkt nach dem Initialisieren gesetzt, damit der Token sofort einsatzbereit ist.</translation>
    </message>
    <message>
        <source>This reader has a PIN pad: after the initialization, enter the new SO-PIN and then the new user PIN on the reader when it asks.</source>
        <translation>Dieser Leser hat ein PIN-Pad: Geben Sie nach dem Initialisieren die neue SO-PIN und dann die neue Benutzer-PIN am Leser ein, wenn er danach fragt.</translation>
    </message>
    <message>
        <source>User PINs on this token have %1. Avoid PINs that are easy to guess, such as 123456 or a birth date.</source>
        <translation>Benutzer-PINs auf diesem Token haben %1. Vermeiden Sie leicht zu erratende PINs wie 123456 oder ein Geburtsdatum.</translation>
    </message>
</context>
<context>
    <name>WorkstationCheck</name>
    <message>
        <source>The PKCS#11 module %1 does not exist.</source>
        <translation>Das PKCS#11-Modul %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Install the module again, or point this line at the module&apos;s new place (tokendesk --setup %1 --key &lt;URI&gt; --write writes it again).</source>
        <translation>Installieren Sie das Modul erneut oder lassen Sie diese Zeile auf den neuen Ort des Moduls zeigen (tokendesk --setup %1 --key &lt;URI&gt; --write schreibt sie neu).</translation>
    </message>
    <message>
        <source>The module has no token in slot id %1 any more (SoftHSM gives a token a new slot id when it is initialized again).</source>
        <translation>Das Modul hat in Slot-ID %1 kein Token mehr (SoftHSM gibt einem Token eine neue Slot-ID, wenn es erneut initialisiert wird).</translation>
    </message>
    <message>
        <source>Run tokendesk --setup java --key &lt;URI&gt; --write again for the key; it writes the token&apos;s current slot id.</source>
        <translation>Führen Sie tokendesk --setup java --key &lt;URI&gt; --write für den Schlüssel erneut aus; es schreibt die aktuelle Slot-ID des Tokens.</translation>
    </message>
    <message>
        <source>slotListIndex %1 opens the token “%2”, not the one the name “%3” stands for.</source>
        <translation>slotListIndex %1 öffnet das Token „%2“, nicht das, für das der Name „%3“ steht.</translation>
    </message>
    <message>
        <source>slotListIndex %1 opens no token.</source>
        <translation>slotListIndex %1 öffnet kein Token.</translation>
    </message>
    <message>
        <source>Select the token by slot id instead: run tokendesk --setup java --key &lt;URI&gt; --write.</source>
        <translation>Wählen Sie das Token stattdessen über die Slot-ID: Führen Sie tokendesk --setup java --key &lt;URI&gt; --write aus.</translation>
    </message>
    <message>
        <source>The SunPKCS11 configuration %1 does not exist.</source>
        <translation>Die SunPKCS11-Konfiguration %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Run tokendesk --setup java --key &lt;URI&gt; --write again, or remove this line.</source>
        <translation>Führen Sie tokendesk --setup java --key &lt;URI&gt; --write erneut aus oder entfernen Sie diese Zeile.</translation>
    </message>
    <message>
        <source>The OpenSSL engine %1 does not exist.</source>
        <translation>Die OpenSSL-Engine %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Install libengine-pkcs11-openssl, or run tokendesk --setup openssl --key &lt;URI&gt; --write again.</source>
        <translation>Installieren Sie libengine-pkcs11-openssl oder führen Sie tokendesk --setup openssl --key &lt;URI&gt; --write erneut aus.</translation>
    </message>
    <message>
        <source>OPENSSL_CONF names %1, which does not exist.</source>
        <translation>OPENSSL_CONF nennt %1, das nicht existiert.</translation>
    </message>
    <message>
        <source>Point OPENSSL_CONF at an existing file, or unset it.</source>
        <translation>Lassen Sie OPENSSL_CONF auf eine vorhandene Datei zeigen oder entfernen Sie die Variable.</translation>
    </message>
    <message>
        <source>The module “%1” is registered with %2, which does not exist.</source>
        <translation>Das Modul „%1“ ist mit %2 registriert, das nicht existiert.</translation>
    </message>
    <message>
        <source>Remove it with: modutil -dbdir sql:%1 -delete &quot;%2&quot; (close the browser first), then run tokendesk --setup nss --key &lt;URI&gt; --write.</source>
        <translation>Entfernen Sie es mit: modutil -dbdir sql:%1 -delete &quot;%2&quot; (schließen Sie zuerst den Browser) und führen Sie dann tokendesk --setup nss --key &lt;URI&gt; --write aus.</translation>
    </message>
    <message>
        <source>Nothing wrong found in the Java, OpenSSL, NSS, p11-kit and OpenSSH configuration.</source>
        <translation>In der Konfiguration von Java, OpenSSL, NSS, p11-kit und OpenSSH wurde kein Fehler gefunden.</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>Abhilfe: %1</translation>
    </message>
</context>
<context>
    <name>WorkstationCli</name>
    <message>
        <source>The program: %1.</source>
        <translation>Das Programm: %1.</translation>
    </message>
    <message>
        <source>The key&apos;s PKCS#11 URI (with token=, serial= and id=).</source>
        <translation>Die PKCS#11-URI des Schlüssels (mit token=, serial= und id=).</translation>
    </message>
    <message>
        <source>Print the files and commands; write nothing.</source>
        <translation>Die Dateien und Befehle ausgeben; nichts schreiben.</translation>
    </message>
    <message>
        <source>Look only in this PKCS#11 module (repeatable).</source>
        <translation>Nur in diesem PKCS#11-Modul suchen (wiederholbar).</translation>
    </message>
    <message>
        <source>--setup takes one of: %1.</source>
        <translation>--setup nimmt einen dieser Werte: %1.</translation>
    </message>
    <message>
        <source>--setup needs --key with the key&apos;s PKCS#11 URI.</source>
        <translation>--setup braucht --key mit der PKCS#11-URI des Schlüssels.</translation>
    </message>
    <message>
        <source>There is nothing to undo: TokenDesk&apos;s setup journal is empty.</source>
        <translation>Es gibt nichts rückgängig zu machen: Das Einrichtungsprotokoll von TokenDesk ist leer.</translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation>Wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Removed %1</source>
        <translation>Entfernt: %1</translation>
    </message>
    <message>
        <source>Removed the module “%1” from the NSS database %2</source>
        <translation>Das Modul „%1“ wurde aus der NSS-Datenbank %2 entfernt</translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation>Angelegt: %1</translation>
    </message>
    <message>
        <source>Changed %1 (the previous version is in %2)</source>
        <translation>Geändert: %1 (die vorige Fassung liegt in %2)</translation>
    </message>
    <message>
        <source>Unchanged %1 (it holds this setup already)</source>
        <translation>Unverändert: %1 (enthält diese Einrichtung bereits)</translation>
    </message>
    <message>
        <source>Registered the module “%1” in the NSS database %2</source>
        <translation>Das Modul „%1“ wurde in der NSS-Datenbank %2 registriert</translation>
    </message>
    <message>
        <source>Unchanged: the module “%1” is registered in the NSS database %2 already</source>
        <translation>Unverändert: Das Modul „%1“ ist in der NSS-Datenbank %2 bereits registriert</translation>
    </message>
    <message>
        <source>Set up another program to use a token key: print, compare or write its configuration, or undo the last write.</source>
        <translation>Ein anderes Programm für einen Token-Schlüssel einrichten: seine Konfiguration ausgeben, vergleichen oder schreiben, oder das letzte Schreiben rückgängig machen.</translation>
    </message>
    <message>
        <source>Write the files (a changed file is backed up next to it first; --setup-undo puts it back).</source>
        <translation>Die Dateien schreiben (eine geänderte Datei wird vorher daneben gesichert; --setup-undo stellt sie wieder her).</translation>
    </message>
    <message>
        <source>Show what --write would change, as a unified diff; write nothing.</source>
        <translation>Zeigen, was --write ändern würde, als Unified Diff; nichts schreiben.</translation>
    </message>
    <message>
        <source>Undo the last --setup --write: put the files back as they were.</source>
        <translation>Das letzte --setup --write rückgängig machen: die Dateien wieder so herstellen, wie sie waren.</translation>
    </message>
    <message>
        <source>Check the Java, OpenSSL, browser (NSS), p11-kit and OpenSSH configuration for PKCS#11 modules and slots that are gone; exit 1 when something is wrong.</source>
        <translation>Die Konfiguration von Java, OpenSSL, Browsern (NSS), p11-kit und OpenSSH auf PKCS#11-Module und Slots prüfen, die es nicht mehr gibt; Exit-Status 1, wenn etwas nicht stimmt.</translation>
    </message>
    <message>
        <source>With --check-workstation: print JSON.</source>
        <translation>Mit --check-workstation: JSON ausgeben.</translation>
    </message>
    <message>
        <source>--check-workstation goes alone, or with --json.</source>
        <translation>--check-workstation steht allein oder mit --json.</translation>
    </message>
    <message>
        <source>--json goes with --check-workstation.</source>
        <translation>--json gehört zu --check-workstation.</translation>
    </message>
    <message>
        <source>--setup-undo goes alone, without --setup.</source>
        <translation>--setup-undo steht allein, ohne --setup.</translation>
    </message>
    <message>
        <source>--setup needs one of --print, --write or --dry-run.</source>
        <translation>--setup braucht eine der Optionen --print, --write oder --dry-run.</translation>
    </message>
    <message>
        <source>--setup %1 has nothing to write, only commands to run: use --print.</source>
        <translation>--setup %1 hat nichts zu schreiben, nur Befehle zum Ausführen: Verwenden Sie --print.</translation>
    </message>
</context>
<context>
    <name>X509</name>
    <message>
        <source>This is not a valid X.509 certificate (DER).</source>
        <translation>Dies ist kein gültiges X.509-Zertifikat (DER).</translation>
    </message>
    <message>
        <source>OpenSSL could not allocate memory.</source>
        <translation>OpenSSL konnte keinen Speicher reservieren.</translation>
    </message>
    <message>
        <source>The file is damaged: a PEM block in it could not be decoded.</source>
        <translation>Die Datei ist beschädigt: Ein PEM-Block darin konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>The file is damaged: certificate %1 in it is not a valid X.509 certificate.</source>
        <translation>Die Datei ist beschädigt: Zertifikat %1 darin ist kein gültiges X.509-Zertifikat.</translation>
    </message>
    <message>
        <source>The file is damaged: its PKCS#7 data could not be decoded.</source>
        <translation>Die Datei ist beschädigt: Ihre PKCS#7-Daten konnten nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>The file is damaged: it has a PEM header but no readable PEM block.</source>
        <translation>Die Datei ist beschädigt: Sie hat einen PEM-Kopf, aber keinen lesbaren PEM-Block.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The file is not a certificate in PEM, DER or PKCS#7 format.</source>
        <translation>Die Datei ist kein Zertifikat im Format PEM, DER oder PKCS#7.</translation>
    </message>
    <message>
        <source>The file contains no certificates.</source>
        <translation>Die Datei enthält keine Zertifikate.</translation>
    </message>
    <message>
        <source>The file %1 could not be opened: %2.</source>
        <translation>Die Datei %1 konnte nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>The file %1 is too large to be a certificate file.</source>
        <translation>Die Datei %1 ist zu groß für eine Zertifikatsdatei.</translation>
    </message>
    <message>
        <source>The file %1 could not be read: %2.</source>
        <translation>Die Datei %1 konnte nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The key&apos;s curve parameters (CKA_EC_PARAMS) are malformed.</source>
        <translation>Die Kurvenparameter des Schlüssels (CKA_EC_PARAMS) sind fehlerhaft.</translation>
    </message>
    <message>
        <source>The token did not return the key&apos;s curve parameters (CKA_EC_PARAMS).</source>
        <translation>Der Token hat die Kurvenparameter des Schlüssels (CKA_EC_PARAMS) nicht geliefert.</translation>
    </message>
    <message>
        <source>The key uses an elliptic curve TokenDesk does not know (OID %1).</source>
        <translation>Der Schlüssel verwendet eine elliptische Kurve, die TokenDesk nicht kennt (OID %1).</translation>
    </message>
    <message>
        <source>%1, explicit parameters</source>
        <translation>%1, explizite Parameter</translation>
    </message>
    <message>
        <source>explicit parameters (%1 bits)</source>
        <translation>explizite Parameter (%1 Bit)</translation>
    </message>
    <message>
        <source>The key inherits its curve from a CA (implicitlyCA), which TokenDesk cannot use.</source>
        <translation>Der Schlüssel erbt seine Kurve von einer Zertifizierungsstelle (implicitlyCA), was TokenDesk nicht verwenden kann.</translation>
    </message>
    <message>
        <source>The key uses a curve TokenDesk does not know (%1).</source>
        <translation>Der Schlüssel verwendet eine Kurve, die TokenDesk nicht kennt (%1).</translation>
    </message>
    <message>
        <source>RSA %1 bits</source>
        <translation>RSA %1 Bit</translation>
    </message>
    <message>
        <source>EC %1</source>
        <translation>EC %1</translation>
    </message>
    <message>
        <source>EC (unknown curve)</source>
        <translation>EC (unbekannte Kurve)</translation>
    </message>
    <message>
        <source>The token did not return the RSA key&apos;s modulus (CKA_MODULUS).</source>
        <translation>Der Token hat den Modulus des RSA-Schlüssels (CKA_MODULUS) nicht geliefert.</translation>
    </message>
    <message>
        <source>The token did not return the RSA key&apos;s public exponent (CKA_PUBLIC_EXPONENT).</source>
        <translation>Der Token hat den öffentlichen Exponenten des RSA-Schlüssels (CKA_PUBLIC_EXPONENT) nicht geliefert.</translation>
    </message>
    <message>
        <source>The token&apos;s RSA public key is malformed.</source>
        <translation>Der öffentliche RSA-Schlüssel des Tokens ist fehlerhaft.</translation>
    </message>
    <message>
        <source>The token did not return the key&apos;s public point (CKA_EC_POINT).</source>
        <translation>Der Token hat den öffentlichen Punkt des Schlüssels (CKA_EC_POINT) nicht geliefert.</translation>
    </message>
    <message>
        <source>The token&apos;s public key (CKA_EC_POINT) does not have the length its curve requires.</source>
        <translation>Der öffentliche Schlüssel des Tokens (CKA_EC_POINT) hat nicht die Länge, die seine Kurve verlangt.</translation>
    </message>
    <message>
        <source>The token did not return the EC key&apos;s public point (CKA_EC_POINT).</source>
        <translation>Der Token hat den öffentlichen Punkt des EC-Schlüssels (CKA_EC_POINT) nicht geliefert.</translation>
    </message>
    <message>
        <source>The token&apos;s EC public key is not a valid point on curve %1.</source>
        <translation>Der öffentliche EC-Schlüssel des Tokens ist kein gültiger Punkt auf der Kurve %1.</translation>
    </message>
    <message>
        <source>This is not a valid public key (SubjectPublicKeyInfo).</source>
        <translation>Dies ist kein gültiger öffentlicher Schlüssel (SubjectPublicKeyInfo).</translation>
    </message>
    <message>
        <source>The certificate&apos;s public key uses an algorithm TokenDesk cannot read.</source>
        <translation>Der öffentliche Schlüssel des Zertifikats verwendet einen Algorithmus, den TokenDesk nicht lesen kann.</translation>
    </message>
    <message>
        <source>The key&apos;s type does not match its curve (%1).</source>
        <translation>Der Typ des Schlüssels passt nicht zu seiner Kurve (%1).</translation>
    </message>
    <message>
        <source>TokenDesk cannot read public keys of type %1.</source>
        <translation>TokenDesk kann öffentliche Schlüssel vom Typ %1 nicht lesen.</translation>
    </message>
    <message>
        <source>explicit parameters</source>
        <translation>explizite Parameter</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>--%1 takes a whole number between %2 and %3.</source>
        <translation>--%1 nimmt eine ganze Zahl zwischen %2 und %3.</translation>
    </message>
    <message>
        <source>--json and --format %1 contradict each other.</source>
        <translation>--json und --format %1 widersprechen sich.</translation>
    </message>
    <message>
        <source>--format takes text, json or csv.</source>
        <translation>--format nimmt text, json oder csv.</translation>
    </message>
    <message>
        <source>--pin-fd goes with --login.</source>
        <translation>--pin-fd gehört zu --login.</translation>
    </message>
    <message>
        <source>--%1 goes with --list.</source>
        <translation>--%1 gehört zu --list.</translation>
    </message>
    <message>
        <source>TokenDesk: keystore manager for PKCS#11 tokens</source>
        <translation>TokenDesk: Schlüsselverwaltung für PKCS#11-Token</translation>
    </message>
    <message>
        <source>Print every module, slot, token and object, then exit.</source>
        <translation>Jedes Modul, jeden Steckplatz, jeden Token und jedes Objekt ausgeben, dann beenden.</translation>
    </message>
    <message>
        <source>With --list: print JSON (as --format json).</source>
        <translation>Mit --list: JSON ausgeben (wie --format json).</translation>
    </message>
    <message>
        <source>With --list: text (default), json (see the published schema) or csv (for spreadsheets, one row per object).</source>
        <translation>Mit --list: text (Standard), json (siehe das veröffentlichte Schema) oder csv (für Tabellenkalkulationen, eine Zeile je Objekt).</translation>
    </message>
    <message>
        <source>With --list: list only the certificates that expire within this many days or have expired; exit 1 when there are any.</source>
        <translation>Mit --list: nur die Zertifikate aufführen, die innerhalb so vieler Tage ablaufen oder abgelaufen sind; Exit-Status 1, wenn es welche gibt.</translation>
    </message>
    <message>
        <source>With --list: mark certificates that expire within this many days (default 30; with --expiring-within, its days).</source>
        <translation>Mit --list: Zertifikate markieren, die innerhalb so vieler Tage ablaufen (Standard 30; mit --expiring-within dessen Tage).</translation>
    </message>
    <message>
        <source>With --list: log in to each listed token (PIN from the terminal, or --pin-fd) and list its private objects too. One try per token.</source>
        <translation>Mit --list: an jedem aufgeführten Token anmelden (PIN vom Terminal oder über --pin-fd) und auch seine privaten Objekte aufführen. Ein Versuch je Token.</translation>
    </message>
    <message>
        <source>With --login: read the PIN (one line) from this open file descriptor instead of the terminal; needs exactly one token to log in to.</source>
        <translation>Mit --login: die PIN (eine Zeile) statt vom Terminal aus diesem geöffneten Dateideskriptor lesen; es muss genau ein Token zur Anmeldung geben.</translation>
    </message>
    <message>
        <source>With --list: only the token with this PKCS#11 URI (pkcs11:serial=…), serial number or label (repeatable).</source>
        <translation>Mit --list: nur der Token mit dieser PKCS#11-URI (pkcs11:serial=…), Seriennummer oder Bezeichnung (wiederholbar).</translation>
    </message>
    <message>
        <source>Use only this PKCS#11 module (repeatable).</source>
        <translation>Nur dieses PKCS#11-Modul verwenden (wiederholbar).</translation>
    </message>
    <message>
        <source>Open the demo SoftHSM token when no token is found.</source>
        <translation>Den SoftHSM-Demo-Token öffnen, wenn kein Token gefunden wird.</translation>
    </message>
    <message>
        <source>Open the demo SoftHSM token.</source>
        <translation>Den SoftHSM-Demo-Token öffnen.</translation>
    </message>
    <message>
        <source>With --list: give up on a module that does not answer within this many seconds (default 30).</source>
        <translation>Mit --list: ein Modul aufgeben, das nicht innerhalb so vieler Sekunden antwortet (Standard 30).</translation>
    </message>
    <message>
        <source>Load the modules that crashed or hung TokenDesk before again.</source>
        <translation>Die Module, die TokenDesk früher zum Absturz gebracht oder blockiert haben, wieder laden.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds between 1 and 86400.</source>
        <translation>--timeout nimmt eine Anzahl Sekunden zwischen 1 und 86400.</translation>
    </message>
    <message>
        <source>tokendesk: a module did not return from a call; exiting without waiting for it.</source>
        <translation>tokendesk: Ein Modul ist aus einem Aufruf nicht zurückgekehrt; Beenden, ohne darauf zu warten.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; This is TokenDesk&apos;s software demo token “%1” (SoftHSM, stored in %2). Its PIN is &lt;b&gt;%3&lt;/b&gt;. It is for trying TokenDesk out: never put real keys on it. Start TokenDesk without --demo to leave demo mode.</source>
        <translation>&lt;b&gt;Demo-Modus.&lt;/b&gt; Dies ist der Software-Demo-Token „%1“ von TokenDesk (SoftHSM, gespeichert in %2). Seine PIN ist &lt;b&gt;%3&lt;/b&gt;. Er ist zum Ausprobieren von TokenDesk gedacht: Legen Sie niemals echte Schlüssel darauf ab. Starten Sie TokenDesk ohne --demo, um den Demo-Modus zu verlassen.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; No token was found, so TokenDesk opened its software demo token “%1” (SoftHSM, stored in %2). Its PIN is &lt;b&gt;%3&lt;/b&gt;. It is for trying TokenDesk out: never put real keys on it. Start TokenDesk without --demo-if-empty to leave demo mode.</source>
        <translation>&lt;b&gt;Demo-Modus.&lt;/b&gt; Es wurde kein Token gefunden, daher hat TokenDesk seinen Software-Demo-Token „%1“ geöffnet (SoftHSM, gespeichert in %2). Seine PIN ist &lt;b&gt;%3&lt;/b&gt;. Er ist zum Ausprobieren von TokenDesk gedacht: Legen Sie niemals echte Schlüssel darauf ab. Starten Sie TokenDesk ohne --demo-if-empty, um den Demo-Modus zu verlassen.</translation>
    </message>
    <message>
        <source>Demo token</source>
        <translation>Demo-Token</translation>
    </message>
    <message>
        <source>Creating the demo token</source>
        <translation>Der Demo-Token wird erstellt</translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s).</source>
        <translation>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunde geantwortet.</numerusform>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunden geantwortet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s); it was in %1.</source>
        <translation>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunde geantwortet; es war in %1.</numerusform>
            <numerusform>Das Modul hat nicht innerhalb von %n Sekunden geantwortet; es war in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Skipped; run tokendesk with --retry-crashed to load it again.</source>
        <translation>%1 Übersprungen; starten Sie tokendesk mit --retry-crashed, um es wieder zu laden.</translation>
    </message>
    <message>
        <source>--token %1 is not a PKCS#11 URI (RFC 7512).</source>
        <translation>--token %1 ist keine PKCS#11-URI (RFC 7512).</translation>
    </message>
    <message>
        <source>Record a support trace of every PKCS#11 call to this file (no PINs, passwords, labels or key material).</source>
        <translation>Einen Support-Mitschnitt aller PKCS#11-Aufrufe in diese Datei schreiben (ohne PINs, Passwörter, Bezeichnungen oder Schlüsselmaterial).</translation>
    </message>
    <message>
        <source>Run every module in a separate process, so that a module that crashes or hangs cannot take TokenDesk down (slower; see the manual).</source>
        <translation>Jedes Modul in einem eigenen Prozess ausführen, damit ein Modul, das abstürzt oder hängt, TokenDesk nicht mitreißen kann (langsamer; siehe Handbuch).</translation>
    </message>
    <message>
        <source>The window cannot be opened: its program tokendesk-gui is missing or cannot be started. Reinstall TokenDesk; the command-line options (tokendesk --help) work without it.</source>
        <translation>Das Fenster lässt sich nicht öffnen: sein Programm tokendesk-gui fehlt oder kann nicht gestartet werden. Installieren Sie TokenDesk neu; die Befehlszeilenoptionen (tokendesk --help) funktionieren auch ohne es.</translation>
    </message>
</context>
</TS>
