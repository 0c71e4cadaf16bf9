// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation at work (issue 15): started with LANG=de_DE.UTF-8 (and nothing else: the
// machine need not have that locale generated), the main window's menus, the tree's plural texts
// and an error sentence are German, with the PKCS#11 code left as it is; the language is read from
// LANGUAGE, LC_ALL, LC_MESSAGES and LANG like gettext does; `tokendesk --list --json` is byte for
// byte the same under LANG=C and LANG=de_DE.UTF-8 while the text output and --help follow the language.
#include "commandtestbench.h"
#include "listrun.h"
#include "translationloader.h"

#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/errortext.h"

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>

namespace {
const QString kToken = QStringLiteral("Sprache");

// The environment of a child that asks for `lang` and nothing else.
QMap<QString, QString> languageOnly(const QString &lang)
{
    return {{QStringLiteral("LANG"), lang}, {QStringLiteral("LANGUAGE"), QString()},
            {QStringLiteral("LC_ALL"), QString()}, {QStringLiteral("LC_MESSAGES"), QString()}};
}

// The mnemonic letter of a menu text ("Ab&melden" -> 'm'), or a null QChar.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Every display and tool-tip text of the model, depth first.
QStringList allTexts(const QAbstractItemModel *m, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < m->rowCount(parent); ++r) {
        for (int c = 0; c < m->columnCount(parent); ++c) {
            const QModelIndex i = m->index(r, c, parent);
            out << i.data(Qt::DisplayRole).toString() << i.data(Qt::ToolTipRole).toString();
        }
        out << allTexts(m, m->index(r, 0, parent));
    }
    return out;
}
} // namespace

class TestL10n : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("schluessel")});
        // A certificate that expires in 10 days: inside the default 30-day warning.
        const QString key = m_bench.path(QStringLiteral("k.pem")), cert = m_bench.path(QStringLiteral("c.der"));
        QCOMPARE(SoftHsmFixture::runStatus(QStringLiteral("openssl"),
                                           {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                            QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-outform"),
                                            QStringLiteral("DER"), QStringLiteral("-subj"), QStringLiteral("/CN=Bald"),
                                            QStringLiteral("-days"), QStringLiteral("10")}),
                 0);
        m_bench.tool(kToken, {QStringLiteral("--write-object"), cert, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("02"), QStringLiteral("--label"), QStringLiteral("bald")});
    }

    // main() below set LANG=de_DE.UTF-8 only and installed the translators as tokendesk's main() does.
    void mainWindowIsGerman()
    {
        const QString module = SoftHsmFixture::softhsmModule();
        MainWindow window(m_bench.inventory(), [module] {
            return QList<ModuleSpec>{ModuleSpec{module, QStringLiteral("softhsm2"), false}};
        });
        window.show();
        QSignalSpy done(&window, &MainWindow::refreshFinished);
        window.refreshAll();
        QVERIFY(done.wait(30000));

        QStringList titles;
        QList<QChar> barKeys;
        for (QAction *a : window.menuBar()->actions()) {
            titles << a->text();
            barKeys << mnemonic(a->text());
            // Within one menu every accelerator is distinct (German words collide more easily).
            QList<QChar> keys;
            for (QAction *item : a->menu()->actions()) {
                if (item->isSeparator())
                    continue;
                const QChar k = mnemonic(item->text());
                QVERIFY2(!k.isNull(), qPrintable(item->text()));
                QVERIFY2(!keys.contains(k), qPrintable(QStringLiteral("%1: %2 twice").arg(a->text(), k)));
                keys << k;
            }
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("&Datei"), QStringLiteral("&Ansicht"), QStringLiteral("&Token"),
                                      QStringLiteral("&Objekt"), QStringLiteral("E&xtras"), QStringLiteral("&Hilfe")}));
        for (qsizetype i = 0; i < barKeys.size(); ++i)
            QVERIFY2(barKeys.indexOf(barKeys.at(i)) == i, qPrintable(titles.at(i)));

        // The tree: column headers, and the token's plural tool tip about its expiring certificate.
        QCOMPARE(window.model()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QTRY_VERIFY_WITH_TIMEOUT(allTexts(window.model()).join(QLatin1Char('\n'))
                                     .contains(QStringLiteral("1 Zertifikat abgelaufen oder läuft innerhalb von 30 Tagen ab")),
                                 30000);
        QVERIFY(allTexts(window.model()).contains(QStringLiteral("Zertifikate")));
    }

    // An error sentence as dialogs show it: German, the PKCS#11 code untranslated.
    void errorSentenceIsGerman()
    {
        QCOMPARE(userError(CKR_PIN_INCORRECT, CKF_USER_PIN_FINAL_TRY).text(),
                 QStringLiteral("Falsche PIN — noch 1 Versuch. Die nächste falsche Eingabe sperrt sie. (CKR_PIN_INCORRECT)"));
        QCOMPARE(userError(CKR_TOKEN_NOT_PRESENT).text(),
                 QStringLiteral("Der Token wurde entfernt. Stecken Sie ihn wieder ein; die Liste aktualisiert sich selbst. "
                                "(CKR_TOKEN_NOT_PRESENT)"));
    }

    void userLocale_data()
    {
        QTest::addColumn<QByteArray>("language");
        QTest::addColumn<QByteArray>("lcAll");
        QTest::addColumn<QByteArray>("lcMessages");
        QTest::addColumn<QByteArray>("lang");
        QTest::addColumn<QString>("expected"); // QLocale::name(), "C" for untranslated
        QTest::newRow("LANG only") << QByteArray() << QByteArray() << QByteArray() << QByteArray("de_DE.UTF-8") << "de_DE";
        QTest::newRow("LANG without territory") << QByteArray() << QByteArray() << QByteArray() << QByteArray("de") << "de_DE";
        QTest::newRow("LANG with modifier") << QByteArray() << QByteArray() << QByteArray() << QByteArray("de_AT.UTF-8@euro") << "de_AT";
        QTest::newRow("LC_MESSAGES over LANG") << QByteArray() << QByteArray() << QByteArray("de_CH.UTF-8") << QByteArray("en_US.UTF-8") << "de_CH";
        QTest::newRow("LC_ALL over both") << QByteArray() << QByteArray("en_GB.UTF-8") << QByteArray("de_DE.UTF-8") << QByteArray("de_DE.UTF-8") << "en_GB";
        QTest::newRow("LC_ALL=C") << QByteArray() << QByteArray("C") << QByteArray() << QByteArray("de_DE.UTF-8") << "C";
        QTest::newRow("LANGUAGE list first") << QByteArray("de:en") << QByteArray() << QByteArray() << QByteArray("C.UTF-8") << "de_DE";
        QTest::newRow("LANGUAGE over LC_ALL") << QByteArray("de_DE") << QByteArray("en_US.UTF-8") << QByteArray() << QByteArray() << "de_DE";
        QTest::newRow("empty LANGUAGE ignored") << QByteArray("") << QByteArray() << QByteArray() << QByteArray("de_DE.UTF-8") << "de_DE";
    }

    void userLocale()
    {
        QFETCH(QByteArray, language);
        QFETCH(QByteArray, lcAll);
        QFETCH(QByteArray, lcMessages);
        QFETCH(QByteArray, lang);
        QFETCH(QString, expected);
        const QList<QPair<const char *, QByteArray>> vars{
            {"LANGUAGE", language}, {"LC_ALL", lcAll}, {"LC_MESSAGES", lcMessages}, {"LANG", lang}};
        QList<QPair<const char *, QByteArray>> saved;
        for (const auto &[name, value] : vars) {
            saved.append({name, qgetenv(name)});
            if (value.isNull())
                qunsetenv(name);
            else
                qputenv(name, value);
        }
        const QString got = TranslationLoader::userLocale().name();
        for (const auto &[name, value] : saved)
            value.isNull() ? qunsetenv(name) : qputenv(name, value);
        QCOMPARE(got, expected);
    }

    // --list --json is for programs: the same bytes in every language. The text output and --help are for people.
    void cliOutput()
    {
        const QStringList args{QStringLiteral("--module"), SoftHsmFixture::softhsmModule()};
        const ListRun jsonC = ListRun::run(args, true, languageOnly(QStringLiteral("C")));
        const ListRun jsonDe = ListRun::run(args, true, languageOnly(QStringLiteral("de_DE.UTF-8")));
        QCOMPARE(jsonC.exitCode, 0);
        QCOMPARE(jsonDe.exitCode, 0);
        QVERIFY(!jsonC.token(kToken).isEmpty());
        // Byte for byte, but for the time of the listing (the runs may straddle a second).
        const auto untimed = [](QByteArray out) {
            return out.replace(QRegularExpression(QStringLiteral("\"listedAt\": \"[^\"]*\"")).match(QString::fromUtf8(out)).captured().toUtf8(),
                               "\"listedAt\": \"\"");
        };
        QCOMPARE(untimed(jsonDe.out), untimed(jsonC.out));

        const ListRun textC = ListRun::run(args, false, languageOnly(QStringLiteral("C")));
        const ListRun textDe = ListRun::run(args, false, languageOnly(QStringLiteral("de_DE.UTF-8")));
        QVERIFY2(textC.text().contains(QStringLiteral("[EXPIRES SOON]")), qPrintable(textC.text()));
        QVERIFY2(textDe.text().contains(QStringLiteral("[LÄUFT BALD AB]")), qPrintable(textDe.text()));
        QVERIFY(!textDe.text().contains(QStringLiteral("[EXPIRES SOON]")));

        QProcess help;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto &[name, value] : languageOnly(QStringLiteral("de_DE.UTF-8")).asKeyValueRange())
            env.insert(name, value);
        help.setProcessEnvironment(env);
        help.start(QStringLiteral(TOKENDESK_EXE), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(60000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput());
        QVERIFY2(text.contains(QStringLiteral("Jedes Modul, jeden Steckplatz")), qPrintable(text));
    }
};

int main(int argc, char **argv)
{
    // Only LANG, as a user's session would set it; de_DE need not be a generated locale here.
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LANGUAGE");
    qunsetenv("LC_ALL");
    qunsetenv("LC_MESSAGES");
    QApplication app(argc, argv);
    if (TranslationLoader::install(&app) != QLatin1String("de")) {
        std::fprintf(stderr, "the German translation was not installed\n");
        return 1;
    }
    TestL10n test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_l10n.moc"
