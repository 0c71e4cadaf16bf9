// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/createsharevalidator.h"

#include "dkek/passwordsharing.h"
#include "dkek/passwordstrength.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(CreateShareValidator)
};
} // namespace

QString CreateShareValidator::checkDestination(const CreateShareParams &params)
{
    if (params.path.trimmed().isEmpty())
        return Tr::tr("Choose where to save the DKEK share file.");
    const QFileInfo info(params.path);
    const QString native = QDir::toNativeSeparators(params.path);
    if (info.isDir())
        return Tr::tr("\u201c%1\u201d is a folder; enter a file name.").arg(native);
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir())
        return Tr::tr("The folder \u201c%1\u201d does not exist.").arg(QDir::toNativeSeparators(dir.filePath()));
    if (!dir.isWritable())
        return Tr::tr("You cannot create files in \u201c%1\u201d.").arg(QDir::toNativeSeparators(dir.filePath()));
    if ((info.exists() || info.isSymLink()) && !params.replaceExisting)
        return Tr::tr("\u201c%1\u201d already exists. Choose another name, or tick \u201cReplace the existing file\u201d.")
            .arg(native);
    if (info.exists() && !info.isFile())
        return Tr::tr("\u201c%1\u201d is not a regular file.").arg(native);
    return {};
}

QString CreateShareValidator::checkProtection(const CreateShareParams &params)
{
    if (params.protection == CreateShareParams::Protection::CustodianShares)
        return PasswordSharing::checkCounts(params.threshold, params.total);
    return {};
}

QString CreateShareValidator::checkPassword(const SecureBytes &password, const SecureBytes &confirmation)
{
    const PasswordStrength strength = PasswordStrength::estimate(password);
    if (strength.level == PasswordStrength::Level::TooShort)
        return Tr::tr("The password must have at least %1 characters.").arg(PasswordStrength::kMinLength);
    if (!(password == confirmation))
        return Tr::tr("The two passwords differ.");
    return {};
}

QString CreateShareValidator::check(const CreateShareParams &params)
{
    QString problem = checkDestination(params);
    if (problem.isEmpty())
        problem = checkProtection(params);
    return problem;
}
