# GENERATED from ui/export_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        self.main_layout = QVBoxLayout(ExportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.format_label = QLabel(ExportDialog)
        self.format_label.setObjectName(u"format_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.format_label)

        self.format_combo = QComboBox(ExportDialog)
        self.format_combo.setObjectName(u"format_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.format_combo)

        self.file_label = QLabel(ExportDialog)
        self.file_label.setObjectName(u"file_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.file_label)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_edit = QLineEdit(ExportDialog)
        self.file_edit.setObjectName(u"file_edit")

        self.file_row.addWidget(self.file_edit)

        self.browse_button = QPushButton(ExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.file_row.addWidget(self.browse_button)

        self.file_row.setStretch(0, 1)

        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.file_row)

        self.no_contacts_check = QCheckBox(ExportDialog)
        self.no_contacts_check.setObjectName(u"no_contacts_check")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.no_contacts_check)


        self.main_layout.addLayout(self.form)

        self.status_label = QLabel(ExportDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.format_label.setBuddy(self.format_combo)
        self.file_label.setBuddy(self.file_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.format_combo, self.file_edit)
        QWidget.setTabOrder(self.file_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.no_contacts_check)

        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(QCoreApplication.translate("ExportDialog", u"Export the follow-up list / \u5bfc\u51fa\u5c55\u540e\u8ffd\u67e5\u540d\u5355", None))
        self.format_label.setText(QCoreApplication.translate("ExportDialog", u"&Format", None))
        self.file_label.setText(QCoreApplication.translate("ExportDialog", u"F&ile", None))
        self.browse_button.setText(QCoreApplication.translate("ExportDialog", u"&Browse\u2026", None))
        self.no_contacts_check.setText(QCoreApplication.translate("ExportDialog", u"Leave out personal contact data (contact, phone, email)", None))
    # retranslateUi
