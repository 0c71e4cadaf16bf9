// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setupplan.h"

#include "workstation/markedblock.h"
#include "workstation/nssdb.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SetupPlan)
};
} // namespace

bool SetupPlan::hasChanges() const
{
    for (const FileChange &f : files)
        if (f.changes())
            return true;
    for (const NssChange &n : nss)
        if (n.changes())
            return true;
    return false;
}

SetupPlan SetupPlan::of(const SetupText &text)
{
    SetupPlan plan;
    for (const SetupFile &f : text.files) {
        FileChange c;
        c.path = f.path;
        c.markedBlock = f.markedBlock;
        const QFileInfo info(f.path);
        c.existed = info.exists();
        if (c.existed) {
            QFile file(f.path);
            if (!info.isFile() || info.size() > kMaxFileSize || !file.open(QIODevice::ReadOnly)) {
                plan.error = Tr::tr("TokenDesk cannot read %1 (it must be a file of at most 4 MiB that you can "
                                    "read); nothing was written.")
                                 .arg(f.path);
                plan.files.clear();
                return plan;
            }
            c.before = file.read(kMaxFileSize + 1);
        }
        if (f.markedBlock) {
            QString why;
            const std::optional<QByteArray> merged = MarkedBlock::merge(c.before, f.contents, &why);
            if (!merged) {
                plan.error = Tr::tr("%1: %2 Nothing was written.").arg(f.path, why);
                plan.files.clear();
                return plan;
            }
            c.after = *merged;
        } else {
            c.after = f.contents;
        }
        plan.files << c;
    }
    for (const NssRegistration &r : text.nss) {
        NssChange n{r, NssDb::registeredLibrary(r.dbDir, r.moduleName)};
        if (n.changes() && !r.refusal.isEmpty()) {
            plan.error = r.refusal;
            plan.files.clear();
            plan.nss.clear();
            return plan;
        }
        plan.nss << n;
    }
    return plan;
}
