# GENERATED from ui/new_user_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_user_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QWidget)

class Ui_NewUserDialog(object):
    def setupUi(self, NewUserDialog):
        if not NewUserDialog.objectName():
            NewUserDialog.setObjectName(u"NewUserDialog")
        self.form = QFormLayout(NewUserDialog)
        self.form.setObjectName(u"form")
        self.username_label = QLabel(NewUserDialog)
        self.username_label.setObjectName(u"username_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username_edit = QLineEdit(NewUserDialog)
        self.username_edit.setObjectName(u"username_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username_edit)

        self.display_label = QLabel(NewUserDialog)
        self.display_label.setObjectName(u"display_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.display_label)

        self.display_edit = QLineEdit(NewUserDialog)
        self.display_edit.setObjectName(u"display_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.display_edit)

        self.role_label = QLabel(NewUserDialog)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(NewUserDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.password_label = QLabel(NewUserDialog)
        self.password_label.setObjectName(u"password_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(NewUserDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password_edit)

        self.confirm_label = QLabel(NewUserDialog)
        self.confirm_label.setObjectName(u"confirm_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.confirm_label)

        self.confirm_edit = QLineEdit(NewUserDialog)
        self.confirm_edit.setObjectName(u"confirm_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.confirm_edit)

        self.error_label = QLabel(NewUserDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #b00020")
        self.error_label.setWordWrap(True)

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.error_label)

        self.buttons = QDialogButtonBox(NewUserDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username_edit)
        self.display_label.setBuddy(self.display_edit)
        self.role_label.setBuddy(self.role_combo)
        self.password_label.setBuddy(self.password_edit)
        self.confirm_label.setBuddy(self.confirm_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username_edit, self.display_edit)
        QWidget.setTabOrder(self.display_edit, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.confirm_edit)

        self.retranslateUi(NewUserDialog)

        QMetaObject.connectSlotsByName(NewUserDialog)
    # setupUi

    def retranslateUi(self, NewUserDialog):
        NewUserDialog.setWindowTitle(QCoreApplication.translate("NewUserDialog", u"New user", None))
        self.username_label.setText(QCoreApplication.translate("NewUserDialog", u"&User name:", None))
        self.display_label.setText(QCoreApplication.translate("NewUserDialog", u"&Name:", None))
        self.role_label.setText(QCoreApplication.translate("NewUserDialog", u"&Role:", None))
        self.password_label.setText(QCoreApplication.translate("NewUserDialog", u"&Password:", None))
        self.confirm_label.setText(QCoreApplication.translate("NewUserDialog", u"&Again:", None))
    # retranslateUi
