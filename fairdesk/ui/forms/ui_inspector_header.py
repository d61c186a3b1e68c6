# GENERATED from ui/inspector_header.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspector_header.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QWidget)

class Ui_InspectorHeader(object):
    def setupUi(self, InspectorHeader):
        if not InspectorHeader.objectName():
            InspectorHeader.setObjectName(u"InspectorHeader")
        self.header_layout = QHBoxLayout(InspectorHeader)
        self.header_layout.setObjectName(u"header_layout")
        self.header_layout.setContentsMargins(0, 0, 0, 0)
        self.fair_label = QLabel(InspectorHeader)
        self.fair_label.setObjectName(u"fair_label")

        self.header_layout.addWidget(self.fair_label)

        self.fair_combo = QComboBox(InspectorHeader)
        self.fair_combo.setObjectName(u"fair_combo")

        self.header_layout.addWidget(self.fair_combo)

        self.hall_label = QLabel(InspectorHeader)
        self.hall_label.setObjectName(u"hall_label")

        self.header_layout.addWidget(self.hall_label)

        self.hall_combo = QComboBox(InspectorHeader)
        self.hall_combo.setObjectName(u"hall_combo")
        self.hall_combo.setMinimumSize(QSize(110, 0))

        self.header_layout.addWidget(self.hall_combo)

        self.round_button = QPushButton(InspectorHeader)
        self.round_button.setObjectName(u"round_button")

        self.header_layout.addWidget(self.round_button)

        self.round_label = QLabel(InspectorHeader)
        self.round_label.setObjectName(u"round_label")

        self.header_layout.addWidget(self.round_label)

        self.connection_label = QLabel(InspectorHeader)
        self.connection_label.setObjectName(u"connection_label")
        self.connection_label.setWordWrap(True)

        self.header_layout.addWidget(self.connection_label)

        self.outbox_button = QPushButton(InspectorHeader)
        self.outbox_button.setObjectName(u"outbox_button")
        self.outbox_button.setFlat(True)

        self.header_layout.addWidget(self.outbox_button)

        self.header_layout.setStretch(5, 1)

        self.retranslateUi(InspectorHeader)

        QMetaObject.connectSlotsByName(InspectorHeader)
    # setupUi

    def retranslateUi(self, InspectorHeader):
        self.fair_label.setText(QCoreApplication.translate("InspectorHeader", u"Fair:", None))
#if QT_CONFIG(accessibility)
        self.fair_combo.setAccessibleName(QCoreApplication.translate("InspectorHeader", u"Fair", None))
#endif // QT_CONFIG(accessibility)
        self.hall_label.setText(QCoreApplication.translate("InspectorHeader", u"Hall:", None))
#if QT_CONFIG(accessibility)
        self.hall_combo.setAccessibleName(QCoreApplication.translate("InspectorHeader", u"Hall", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
