// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

// The outcome of a job as rows of "name: [read-only value] [Copy]" (URIs, fingerprints,
// subjects). A long value scrolls inside its field instead of widening the dialog past
// the screen or being clipped, and can always be copied whole. Hidden while empty.
class ResultFields : public QWidget {
    Q_OBJECT
public:
    explicit ResultFields(QWidget *parent = nullptr);
    void setFields(const QList<QPair<QString, QString>> &fields);
    // The values shown, in order (for tests and "copy all").
    QStringList values() const { return m_values; }

private:
    QStringList m_values;
};
