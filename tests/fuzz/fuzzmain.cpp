// SPDX-License-Identifier: GPL-3.0-or-later
// Without libFuzzer (the normal and the sanitizer builds, gcc): runs a fuzz target
// once over every file of its seed corpus, so the seeds and every crash found and
// fixed stay regression tests in the ordinary suite.
#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int files = 0;
    for (int i = 1; i < argc; ++i) {
        const QFileInfoList entries = QFileInfo(QString::fromLocal8Bit(argv[i])).isDir()
            ? QDir(QString::fromLocal8Bit(argv[i])).entryInfoList(QDir::Files, QDir::Name)
            : QFileInfoList{QFileInfo(QString::fromLocal8Bit(argv[i]))};
        for (const QFileInfo &fi : entries) {
            QFile f(fi.filePath());
            if (!f.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(fi.filePath()));
                return 1;
            }
            const QByteArray data = f.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), std::size_t(data.size()));
            ++files;
        }
    }
    std::printf("%d inputs ran\n", files);
    return files ? 0 : 1;
}
