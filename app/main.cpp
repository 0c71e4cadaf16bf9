// SPDX-License-Identifier: GPL-3.0-or-later
// `tokendesk`: the command line, Qt Core only (see entry.h). The window is tokendesk-gui's:
// this process becomes it (exec, same pid, same arguments and environment).
#include "entry.h"

#include <QCoreApplication>
#include <QString>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {
// Next to this program (the build tree), or where the package installs it: <prefix>/libexec/tokendesk
// for <prefix>/bin/tokendesk.
std::string windowProgram()
{
    char self[4096];
    const ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return {};
    std::string dir(self, static_cast<size_t>(n));
    dir.erase(dir.rfind('/') + 1);
    for (const char *candidate : {"tokendesk-gui", "../libexec/tokendesk/tokendesk-gui"}) {
        const std::string path = dir + candidate;
        if (::access(path.c_str(), X_OK) == 0)
            return path;
    }
    return {};
}

int execWindow(int, char **argv)
{
    const std::string program = windowProgram();
    if (!program.empty())
        ::execv(program.c_str(), argv);
    const int error = program.empty() ? ENOENT : errno;
    std::fprintf(stderr, "tokendesk: %s (%s)\n",
                 qPrintable(QCoreApplication::translate(
                     "main", "The window cannot be opened: its program tokendesk-gui is missing or cannot be started. "
                             "Reinstall TokenDesk; the command-line options (tokendesk --help) work without it.")),
                 std::strerror(error));
    return 69; // EX_UNAVAILABLE
}
} // namespace

int main(int argc, char **argv)
{
    return Entry::run(argc, argv, execWindow);
}
