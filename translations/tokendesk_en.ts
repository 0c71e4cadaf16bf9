<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttributeText</name>
    <message numerus="yes">
        <source>template of %n attribute(s)</source>
        <translation>
            <numerusform>template of %n attribute</numerusform>
            <numerusform>template of %n attributes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message numerus="yes">
        <source>%n attribute(s) returned by the module. Values it keeps secret are shown as “(sensitive)”; hover over a value for its raw bytes.</source>
        <translation>
            <numerusform>%n attribute returned by the module. Values it keeps secret are shown as “(sensitive)”; hover over a value for its raw bytes.</numerusform>
            <numerusform>%n attributes returned by the module. Values it keeps secret are shown as “(sensitive)”; hover over a value for its raw bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackUpKeysDialog</name>
    <message numerus="yes">
        <source>Waiting for the device: backing up %n key(s)…</source>
        <translation>
            <numerusform>Waiting for the device: backing up %n key…</numerusform>
            <numerusform>Waiting for the device: backing up %n keys…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backed up %n key(s). The files are of no use without the DKEK shares: keep them where the shares can be found.</source>
        <translation>
            <numerusform>Backed up %n key. The file is of no use without the DKEK shares: keep it where the shares can be found.</numerusform>
            <numerusform>Backed up %n keys. The files are of no use without the DKEK shares: keep them where the shares can be found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) were written before the backup stopped.</source>
        <translation>
            <numerusform>%n file was written before the backup stopped.</numerusform>
            <numerusform>%n files were written before the backup stopped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertImportFilePage</name>
    <message numerus="yes">
        <source>%n certificate(s) will be written. The next page shows which, before anything is written.</source>
        <translation>
            <numerusform>%n certificate will be written. The next page shows which, before anything is written.</numerusform>
            <numerusform>%n certificates will be written. The next page shows which, before anything is written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertImportPlanPage</name>
    <message numerus="yes">
        <source>%n certificate(s) will be written.</source>
        <translation>
            <numerusform>%n certificate will be written.</numerusform>
            <numerusform>%n certificates will be written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n certificate(s)</source>
        <translation>
            <numerusform>&amp;Import %n certificate</numerusform>
            <numerusform>&amp;Import %n certificates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificateSummary</name>
    <message numerus="yes">
        <source>expired %n days ago (%1)</source>
        <translation>
            <numerusform>expired %n day ago (%1)</numerusform>
            <numerusform>expired %n days ago (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>expires in %n days (%1)</source>
        <translation>
            <numerusform>expires in %n day (%1)</numerusform>
            <numerusform>expires in %n days (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckWorkstationDialog</name>
    <message numerus="yes">
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DeleteObjectsDialog</name>
    <message numerus="yes">
        <source>Delete %n object(s)</source>
        <translation>
            <numerusform>Delete %n object</numerusform>
            <numerusform>Delete %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting for the token to delete %n object(s)…</source>
        <translation>
            <numerusform>Waiting for the token to delete %n object…</numerusform>
            <numerusform>Waiting for the token to delete %n objects…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n object(s).</source>
        <translation>
            <numerusform>Deleted %n object.</numerusform>
            <numerusform>Deleted %n objects.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DkekImportPlan</name>
    <message numerus="yes">
        <source>The device already has all %n DKEK shares (check value %1).</source>
        <translation>
            <numerusform>The device already has its %n DKEK share (check value %1).</numerusform>
            <numerusform>The device already has all %n DKEK shares (check value %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The device is missing %n share(s), but %1 were chosen.</source>
        <translation>
            <numerusform>The device is missing %n share, but %1 were chosen.</numerusform>
            <numerusform>The device is missing %n shares, but %1 were chosen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstStartPanel</name>
    <message numerus="yes">
        <source>The smart-card service (pcscd) is running and sees %n reader(s): %1. If the card is in, its module may be missing: add it below.</source>
        <translation>
            <numerusform>The smart-card service (pcscd) is running and sees %n reader: %1. If the card is in, its module may be missing: add it below.</numerusform>
            <numerusform>The smart-card service (pcscd) is running and sees %n readers: %1. If the card is in, its module may be missing: add it below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HealthCheckDialog</name>
    <message numerus="yes">
        <source>%n problem(s) found</source>
        <translation>
            <numerusform>%n problem found</numerusform>
            <numerusform>%n problems found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InitializeDeviceValidator</name>
    <message numerus="yes">
        <source>The user PIN needs at least %n characters.</source>
        <translation>
            <numerusform>The user PIN needs at least %n character.</numerusform>
            <numerusform>The user PIN needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The user PIN can have at most %n bytes.</source>
        <translation>
            <numerusform>The user PIN can have at most %n byte.</numerusform>
            <numerusform>The user PIN can have at most %n bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InventoryReport</name>
    <message numerus="yes">
        <source>(no certificate expires within %n day(s))</source>
        <translation>
            <numerusform>(no certificate expires within %n day)</numerusform>
            <numerusform>(no certificate expires within %n days)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) expire within %1 day(s) or have expired.</source>
        <translation>
            <numerusform>%n certificate expires within %1 day(s) or has expired.</numerusform>
            <numerusform>%n certificates expire within %1 day(s) or have expired.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No certificate expires within %n day(s).</source>
        <translation>
            <numerusform>No certificate expires within %n day.</numerusform>
            <numerusform>No certificate expires within %n days.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListCommand</name>
    <message numerus="yes">
        <source>--pin-fd gives one PIN, but %n tokens ask for one; choose the token with --token.</source>
        <translation>
            <numerusform>--pin-fd gives one PIN, but %n token asks for one; choose the token with --token.</numerusform>
            <numerusform>--pin-fd gives one PIN, but %n tokens ask for one; choose the token with --token.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message numerus="yes">
        <source>Wrong SO-PIN. The device reports %n tries left.</source>
        <translation>
            <numerusform>Wrong SO-PIN. The device reports %n try left.</numerusform>
            <numerusform>Wrong SO-PIN. The device reports %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. The device reports %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. The device reports %n try left.</numerusform>
            <numerusform>Wrong PIN. The device reports %n tries left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModuleHelper</name>
    <message numerus="yes">
        <source>The module %1 stopped responding in its separate process: it was in %2 for %n second(s). TokenDesk ended that process; the other modules go on. Refresh to start it again.</source>
        <translation>
            <numerusform>The module %1 stopped responding in its separate process: it was in %2 for %n second. TokenDesk ended that process; the other modules go on. Refresh to start it again.</numerusform>
            <numerusform>The module %1 stopped responding in its separate process: it was in %2 for %n seconds. TokenDesk ended that process; the other modules go on. Refresh to start it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModuleProbe</name>
    <message numerus="yes">
        <source>The module did not answer within %n second(s).</source>
        <translation>
            <numerusform>The module did not answer within %n second.</numerusform>
            <numerusform>The module did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s); it was in %1.</source>
        <translation>
            <numerusform>The module did not answer within %n second; it was in %1.</numerusform>
            <numerusform>The module did not answer within %n seconds; it was in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): %n token(s) found.</source>
        <translation>
            <numerusform>%1 (%2): %n token found.</numerusform>
            <numerusform>%1 (%2): %n tokens found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ObjectCount</name>
    <message numerus="yes">
        <source>%n private</source>
        <translation>
            <numerusform>%n private</numerusform>
            <numerusform>%n private</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n public</source>
        <translation>
            <numerusform>%n public</numerusform>
            <numerusform>%n public</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret</source>
        <translation>
            <numerusform>%n secret</numerusform>
            <numerusform>%n secret</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) (%1)</source>
        <translation>
            <numerusform>%n key (%1)</numerusform>
            <numerusform>%n keys (%1)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other object(s)</source>
        <translation>
            <numerusform>%n other object</numerusform>
            <numerusform>%n other objects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinRules</name>
    <message numerus="yes">
        <source>exactly %n character(s)</source>
        <translation>
            <numerusform>exactly %n character</numerusform>
            <numerusform>exactly %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at least %n character(s)</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>at most %n character(s)</source>
        <translation>
            <numerusform>at most %n character</numerusform>
            <numerusform>at most %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinValidator</name>
    <message numerus="yes">
        <source>%1 of a SmartCard-HSM / Nitrokey HSM is exactly 16 hexadecimal digits (0–9, A–F), for example 3537363231383830; this one has %n character(s).</source>
        <translation>
            <numerusform>%1 of a SmartCard-HSM / Nitrokey HSM is exactly 16 hexadecimal digits (0–9, A–F), for example 3537363231383830; this one has %n character.</numerusform>
            <numerusform>%1 of a SmartCard-HSM / Nitrokey HSM is exactly 16 hexadecimal digits (0–9, A–F), for example 3537363231383830; this one has %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreKeysDialog</name>
    <message numerus="yes">
        <source>Waiting for the device: restoring %n key(s)…</source>
        <translation>
            <numerusform>Waiting for the device: restoring %n key…</numerusform>
            <numerusform>Waiting for the device: restoring %n keys…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n key(s). The tree reads the device again.</source>
        <translation>
            <numerusform>Restored %n key. The tree reads the device again.</numerusform>
            <numerusform>Restored %n keys. The tree reads the device again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmConfirmInitPage</name>
    <message numerus="yes">
        <source>set to the one you chose; %n tries</source>
        <translation>
            <numerusform>set to the one you chose; %n try</numerusform>
            <numerusform>set to the one you chose; %n tries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmDevice</name>
    <message numerus="yes">
        <source>The device went away while share %1 of %2 (%3) was being sent; the device had confirmed %n share(s) of this import before. It may or may not have taken this share: put it back and check its DKEK status before importing again. %4</source>
        <translation>
            <numerusform>The device went away while share %1 of %2 (%3) was being sent; the device had confirmed %n share of this import before. It may or may not have taken this share: put it back and check its DKEK status before importing again. %4</numerusform>
            <numerusform>The device went away while share %1 of %2 (%3) was being sent; the device had confirmed %n shares of this import before. It may or may not have taken this share: put it back and check its DKEK status before importing again. %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmDkekPage</name>
    <message numerus="yes">
        <source>The device will wait for %n share(s). Until all of them are imported, keys cannot be backed up. Each key custodian keeps one share file and its password: make them with Tools ▸ Create DKEK share…, one per custodian, before or after this.</source>
        <translation>
            <numerusform>The device will wait for %n share. Until it is imported, keys cannot be backed up. Each key custodian keeps one share file and its password: make them with Tools ▸ Create DKEK share…, one per custodian, before or after this.</numerusform>
            <numerusform>The device will wait for %n shares. Until all of them are imported, keys cannot be backed up. Each key custodian keeps one share file and its password: make them with Tools ▸ Create DKEK share…, one per custodian, before or after this.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmError</name>
    <message numerus="yes">
        <source>Wrong SO-PIN — %n tries left</source>
        <translation>
            <numerusform>Wrong SO-PIN — %n try left</numerusform>
            <numerusform>Wrong SO-PIN — %n tries left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong user PIN — %n tries left</source>
        <translation>
            <numerusform>Wrong user PIN — %n try left</numerusform>
            <numerusform>Wrong user PIN — %n tries left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmImportResultPage</name>
    <message numerus="yes">
        <source>%n share(s) imported; the device waits for %1 more.</source>
        <translation>
            <numerusform>%n share imported; the device waits for %1 more.</numerusform>
            <numerusform>%n shares imported; the device waits for %1 more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %n share(s); the device waits for %1 more.</source>
        <translation>
            <numerusform>Stopped after %n share; the device waits for %1 more.</numerusform>
            <numerusform>Stopped after %n shares; the device waits for %1 more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmInitResultPage</name>
    <message numerus="yes">
        <source>Next, import the %n DKEK share(s) with Import DKEK shares… on the device panel; until then no key can be backed up. Share files are made with Tools ▸ Create DKEK share….</source>
        <translation>
            <numerusform>Next, import the %n DKEK share with Import DKEK shares… on the device panel; until then no key can be backed up. Share files are made with Tools ▸ Create DKEK share….</numerusform>
            <numerusform>Next, import the %n DKEK shares with Import DKEK shares… on the device panel; until then no key can be backed up. Share files are made with Tools ▸ Create DKEK share….</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmKeyBackup</name>
    <message numerus="yes">
        <source>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be backed up.</source>
        <translation>
            <numerusform>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be backed up.</numerusform>
            <numerusform>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be backed up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmKeyRestore</name>
    <message numerus="yes">
        <source>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be restored.</source>
        <translation>
            <numerusform>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be restored.</numerusform>
            <numerusform>The device&apos;s DKEK is not complete: %n of its DKEK shares still must be imported before a key can be restored.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmObjects</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s)</source>
        <translation>
            <numerusform>%n certificate</numerusform>
            <numerusform>%n certificates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data object(s)</source>
        <translation>
            <numerusform>%n data object</numerusform>
            <numerusform>%n data objects</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmSharesPage</name>
    <message numerus="yes">
        <source>After this import the device still waits for %n more share(s); its check value is known once all are in.</source>
        <translation>
            <numerusform>After this import the device still waits for %n more share; its check value is known once all are in.</numerusform>
            <numerusform>After this import the device still waits for %n more shares; its check value is known once all are in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n Share(s)</source>
        <translation>
            <numerusform>&amp;Import %n Share</numerusform>
            <numerusform>&amp;Import %n Shares</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Device %1: %2 of %n DKEK share(s) imported, %3 missing.</source>
        <translation>
            <numerusform>Device %1: %2 of %n DKEK share imported, %3 missing.</numerusform>
            <numerusform>Device %1: %2 of %n DKEK shares imported, %3 missing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmStatus</name>
    <message numerus="yes">
        <source>%n tries left</source>
        <translation>
            <numerusform>%n try left</numerusform>
            <numerusform>%n tries left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the DKEK status has %n bytes instead of at least 10</source>
        <translation>
            <numerusform>the DKEK status has %n byte instead of at least 10</numerusform>
            <numerusform>the DKEK status has %n bytes instead of at least 10</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n share(s) expected, %1 missing</source>
        <translation>
            <numerusform>%n share expected, %1 missing</numerusform>
            <numerusform>%n shares expected, %1 missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n share(s), complete, check value %1</source>
        <translation>
            <numerusform>%n share, complete, check value %1</numerusform>
            <numerusform>%n shares, complete, check value %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchsmStatusHtml</name>
    <message numerus="yes">
        <source>pending (%n share(s) missing)</source>
        <translation>
            <numerusform>pending (%n share missing)</numerusform>
            <numerusform>pending (%n shares missing)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenTreeModel</name>
    <message numerus="yes">
        <source>%n certificate(s) expired or expiring within %1 days</source>
        <translation>
            <numerusform>%n certificate expired or expiring within %1 days</numerusform>
            <numerusform>%n certificates expired or expiring within %1 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message numerus="yes">
        <source>The module did not answer within %n second(s).</source>
        <translation>
            <numerusform>The module did not answer within %n second.</numerusform>
            <numerusform>The module did not answer within %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The module did not answer within %n second(s); it was in %1.</source>
        <translation>
            <numerusform>The module did not answer within %n second; it was in %1.</numerusform>
            <numerusform>The module did not answer within %n seconds; it was in %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
