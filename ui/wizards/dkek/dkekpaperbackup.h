// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/custodianshare.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <vector>

class QPagedPaintDevice;
class QWidget;

// What goes on the paper backup of one DKEK share.
struct PaperBackupContent {
    QString fileName;   // shown on every page
    QByteArray file;    // the 64-byte share file (ciphertext)
    QByteArray kcv;     // the share's key check value
    QDateTime created;
    int threshold = 0;  // n-of-m only
    const std::vector<CustodianShare> *custodians = nullptr; // n-of-m only; never copied
};

// The printable sheet: page 1 holds the file in base64 with line numbers, the
// KCV, the date and room for signatures; with custodians, each custodian gets
// a page of their own (so each page can be handed to one person).
class DkekPaperBackup {
public:
    // Which pages: the file page, the custodian pages, or a single custodian's page.
    enum class Pages { FileAndCustodians, FileOnly, OneCustodian };

    // Paints onto a printer or PDF writer; returns the number of pages.
    static int render(QPagedPaintDevice *device, const PaperBackupContent &content, Pages pages,
                      int custodianIndex = -1);
    // Writes a PDF atomically with owner-only permissions (it may hold custodian
    // shares). Replaces an existing file: the file dialog has asked. Throws DkekError.
    static void savePdf(const QString &path, const PaperBackupContent &content, Pages pages, int custodianIndex = -1);
    // Shows the print dialog and prints; false if the user cancelled.
    static bool print(QWidget *parent, const PaperBackupContent &content, Pages pages, int custodianIndex = -1);
};
