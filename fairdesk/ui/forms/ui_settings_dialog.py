# GENERATED from ui/settings_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(640, 320)
        self.main_layout = QVBoxLayout(SettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.language_label = QLabel(SettingsDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language_combo = QComboBox(SettingsDialog)
        self.language_combo.setObjectName(u"language_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language_combo)

        self.data_dir_label = QLabel(SettingsDialog)
        self.data_dir_label.setObjectName(u"data_dir_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.data_dir_label)

        self.data_dir_row = QHBoxLayout()
        self.data_dir_row.setObjectName(u"data_dir_row")
        self.data_dir_edit = QLineEdit(SettingsDialog)
        self.data_dir_edit.setObjectName(u"data_dir_edit")
        self.data_dir_edit.setClearButtonEnabled(True)

        self.data_dir_row.addWidget(self.data_dir_edit)

        self.data_dir_button = QPushButton(SettingsDialog)
        self.data_dir_button.setObjectName(u"data_dir_button")

        self.data_dir_row.addWidget(self.data_dir_button)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.data_dir_row)

        self.database_url_label = QLabel(SettingsDialog)
        self.database_url_label.setObjectName(u"database_url_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.database_url_label)

        self.database_url_row = QHBoxLayout()
        self.database_url_row.setObjectName(u"database_url_row")
        self.database_url_edit = QLineEdit(SettingsDialog)
        self.database_url_edit.setObjectName(u"database_url_edit")
        self.database_url_edit.setClearButtonEnabled(True)

        self.database_url_row.addWidget(self.database_url_edit)

        self.test_button = QPushButton(SettingsDialog)
        self.test_button.setObjectName(u"test_button")

        self.database_url_row.addWidget(self.test_button)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.database_url_row)

        self.test_result_label = QLabel(SettingsDialog)
        self.test_result_label.setObjectName(u"test_result_label")
        self.test_result_label.setWordWrap(True)
        self.test_result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.test_result_label)


        self.main_layout.addLayout(self.form)

        self.note_label = QLabel(SettingsDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.error_label = QLabel(SettingsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(SettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok|QDialogButtonBox.StandardButton.RestoreDefaults)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.language_label.setBuddy(self.language_combo)
        self.data_dir_label.setBuddy(self.data_dir_edit)
        self.database_url_label.setBuddy(self.database_url_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.language_combo, self.data_dir_edit)
        QWidget.setTabOrder(self.data_dir_edit, self.data_dir_button)
        QWidget.setTabOrder(self.data_dir_button, self.database_url_edit)
        QWidget.setTabOrder(self.database_url_edit, self.test_button)

        self.retranslateUi(SettingsDialog)
        self.button_box.accepted.connect(SettingsDialog.accept)
        self.button_box.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.language_label.setText(QCoreApplication.translate("SettingsDialog", u"&Language:", None))
        self.data_dir_label.setText(QCoreApplication.translate("SettingsDialog", u"&Data folder:", None))
        self.data_dir_button.setText(QCoreApplication.translate("SettingsDialog", u"&Browse\u2026", None))
        self.database_url_label.setText(QCoreApplication.translate("SettingsDialog", u"Data&base URL:", None))
        self.test_button.setText(QCoreApplication.translate("SettingsDialog", u"&Test connection", None))
        self.note_label.setText(QCoreApplication.translate("SettingsDialog", u"The language, data folder and database take effect the next time FairDesk starts. A database given on the command line or in FAIRDESK_DB / FAIRDESK_DATA_DIR comes first.", None))
    # retranslateUi
