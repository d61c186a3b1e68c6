# GENERATED from ui/outbox_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'outbox_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_OutboxDialog(object):
    def setupUi(self, OutboxDialog):
        if not OutboxDialog.objectName():
            OutboxDialog.setObjectName(u"OutboxDialog")
        OutboxDialog.resize(900, 420)
        self.main_layout = QVBoxLayout(OutboxDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro = QLabel(OutboxDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.outbox_table = QTableWidget(OutboxDialog)
        self.outbox_table.setObjectName(u"outbox_table")
        self.outbox_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outbox_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.outbox_table.setColumnCount(4)
        self.outbox_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.outbox_table)

        self.buttons = QDialogButtonBox(OutboxDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.buttons)

        self.main_layout.setStretch(1, 1)

        self.retranslateUi(OutboxDialog)

        QMetaObject.connectSlotsByName(OutboxDialog)
    # setupUi

    def retranslateUi(self, OutboxDialog):
        OutboxDialog.setWindowTitle(QCoreApplication.translate("OutboxDialog", u"Waiting on this laptop", None))
        self.intro.setText(QCoreApplication.translate("OutboxDialog", u"Findings are kept in {0} until the server has them; they are sent by themselves when it is reachable. A finding the server refused waits for you: retry it after the desk fixed the cause, or discard it.", None))
    # retranslateUi
