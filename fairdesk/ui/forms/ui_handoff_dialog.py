# GENERATED from ui/handoff_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handoff_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_HandoffDialog(object):
    def setupUi(self, HandoffDialog):
        if not HandoffDialog.objectName():
            HandoffDialog.setObjectName(u"HandoffDialog")
        self.main_layout = QVBoxLayout(HandoffDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.kind_label = QLabel(HandoffDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(HandoffDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.case_label = QLabel(HandoffDialog)
        self.case_label.setObjectName(u"case_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.case_label)

        self.case_edit = QLineEdit(HandoffDialog)
        self.case_edit.setObjectName(u"case_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.case_edit)

        self.file_label = QLabel(HandoffDialog)
        self.file_label.setObjectName(u"file_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_edit_row = QHBoxLayout()
        self.file_edit_row.setObjectName(u"file_edit_row")
        self.file_edit = QLineEdit(HandoffDialog)
        self.file_edit.setObjectName(u"file_edit")

        self.file_edit_row.addWidget(self.file_edit)

        self.browse_button = QPushButton(HandoffDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.file_edit_row.addWidget(self.browse_button)

        self.file_edit_row.setStretch(0, 1)

        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.file_edit_row)


        self.main_layout.addLayout(self.form)

        self.status_label = QLabel(HandoffDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(HandoffDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.case_label.setBuddy(self.case_edit)
        self.file_label.setBuddy(self.file_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_combo, self.case_edit)
        QWidget.setTabOrder(self.case_edit, self.file_edit)
        QWidget.setTabOrder(self.file_edit, self.browse_button)

        self.retranslateUi(HandoffDialog)

        QMetaObject.connectSlotsByName(HandoffDialog)
    # setupUi

    def retranslateUi(self, HandoffDialog):
        HandoffDialog.setWindowTitle(QCoreApplication.translate("HandoffDialog", u"Hand-offs to public systems", None))
        self.kind_label.setText(QCoreApplication.translate("HandoffDialog", u"&Hand-off", None))
        self.case_label.setText(QCoreApplication.translate("HandoffDialog", u"&Case number", None))
        self.file_label.setText(QCoreApplication.translate("HandoffDialog", u"F&ile", None))
        self.browse_button.setText(QCoreApplication.translate("HandoffDialog", u"&Browse\u2026", None))
    # retranslateUi
