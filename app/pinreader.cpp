// SPDX-License-Identifier: GPL-3.0-or-later
#include "pinreader.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(PinReader) };

// The terminal whose echo is off, for the signal handler that turns it back on.
volatile sig_atomic_t g_ttyFd = -1;
termios g_saved{};
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};

extern "C" void restoreAndRaise(int sig)
{
    if (g_ttyFd >= 0)
        tcsetattr(g_ttyFd, TCSAFLUSH, &g_saved);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

// Reads up to a newline or the end of input. Too long: nullopt (the rest of the line is read and dropped).
std::optional<SecureBytes> readLine(int fd, QString *error)
{
    SecureBytes buffer(PinReader::kMaxPinBytes);
    std::size_t n = 0;
    bool tooLong = false;
    for (;;) {
        unsigned char c = 0;
        const ssize_t got = ::read(fd, &c, 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = Tr::tr("The PIN could not be read: %1.").arg(QString::fromLocal8Bit(strerror(errno)));
            return std::nullopt;
        }
        if (got == 0 || c == '\n')
            break;
        if (n == PinReader::kMaxPinBytes)
            tooLong = true;
        else
            buffer.data()[n++] = c;
        c = 0;
    }
    if (tooLong) {
        *error = Tr::tr("The PIN is longer than %1 bytes.").arg(PinReader::kMaxPinBytes);
        return std::nullopt;
    }
    if (n > 0 && buffer.data()[n - 1] == '\r')
        --n;
    return SecureBytes(buffer.data(), n);
}

void writeAll(int fd, const QByteArray &b)
{
    qsizetype done = 0;
    while (done < b.size()) {
        const ssize_t w = ::write(fd, b.constData() + done, size_t(b.size() - done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        done += w;
    }
}
} // namespace

namespace PinReader {

std::optional<SecureBytes> fromTerminal(const QString &prompt, QString *error)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    termios saved{};
    if (tty < 0 || tcgetattr(tty, &saved) != 0) {
        if (tty >= 0)
            ::close(tty);
        *error = Tr::tr("There is no terminal to ask for the PIN; give it with --pin-fd.");
        return std::nullopt;
    }
    g_saved = saved;
    struct sigaction restore {}, old[std::size(kSignals)];
    restore.sa_handler = restoreAndRaise;
    sigemptyset(&restore.sa_mask);
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &restore, &old[i]);
    g_ttyFd = tty;
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO | ECHOE | ECHOK | ECHONL);
    // Echo off before the prompt: a PIN typed as soon as the prompt shows is never echoed, nor
    // discarded by the flush (which drops only what was typed before the prompt).
    tcsetattr(tty, TCSAFLUSH, &quiet);
    writeAll(tty, prompt.toLocal8Bit());
    std::optional<SecureBytes> pin = readLine(tty, error);
    tcsetattr(tty, TCSADRAIN, &saved);
    g_ttyFd = -1;
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
        sigaction(kSignals[i], &old[i], nullptr);
    writeAll(tty, "\n"); // the user's Enter was not echoed
    ::close(tty);
    return pin;
}

std::optional<SecureBytes> fromFd(int fd, QString *error)
{
    if (::fcntl(fd, F_GETFD) < 0) {
        *error = Tr::tr("--pin-fd %1 is not an open file descriptor.").arg(fd);
        return std::nullopt;
    }
    std::optional<SecureBytes> pin = readLine(fd, error);
    ::close(fd);
    return pin;
}

} // namespace PinReader
