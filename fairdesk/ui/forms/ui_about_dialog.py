# GENERATED from ui/about_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QSizePolicy, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(620, 520)
        self.layout = QVBoxLayout(AboutDialog)
        self.layout.setObjectName(u"layout")
        self.title = QLabel(AboutDialog)
        self.title.setObjectName(u"title")

        self.layout.addWidget(self.title)

        self.blurb = QLabel(AboutDialog)
        self.blurb.setObjectName(u"blurb")
        self.blurb.setWordWrap(True)

        self.layout.addWidget(self.blurb)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.version_caption = QLabel(AboutDialog)
        self.version_caption.setObjectName(u"version_caption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.version_caption)

        self.version_label = QLabel(AboutDialog)
        self.version_label.setObjectName(u"version_label")
        self.version_label.setTextFormat(Qt.TextFormat.PlainText)
        self.version_label.setWordWrap(True)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.version_label)

        self.data_dir_caption = QLabel(AboutDialog)
        self.data_dir_caption.setObjectName(u"data_dir_caption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.data_dir_caption)

        self.data_dir_label = QLabel(AboutDialog)
        self.data_dir_label.setObjectName(u"data_dir_label")
        self.data_dir_label.setTextFormat(Qt.TextFormat.PlainText)
        self.data_dir_label.setWordWrap(True)
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.data_dir_label)

        self.database_caption = QLabel(AboutDialog)
        self.database_caption.setObjectName(u"database_caption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.database_caption)

        self.database_label = QLabel(AboutDialog)
        self.database_label.setObjectName(u"database_label")
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.database_label)

        self.root_caption = QLabel(AboutDialog)
        self.root_caption.setObjectName(u"root_caption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.root_caption)

        self.root_label = QLabel(AboutDialog)
        self.root_label.setObjectName(u"root_label")
        self.root_label.setTextFormat(Qt.TextFormat.PlainText)
        self.root_label.setWordWrap(True)
        self.root_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.root_label)

        self.runtime_caption = QLabel(AboutDialog)
        self.runtime_caption.setObjectName(u"runtime_caption")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.runtime_caption)

        self.runtime_label = QLabel(AboutDialog)
        self.runtime_label.setObjectName(u"runtime_label")
        self.runtime_label.setTextFormat(Qt.TextFormat.PlainText)
        self.runtime_label.setWordWrap(True)
        self.runtime_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.runtime_label)


        self.layout.addLayout(self.form)

        self.licences_browser = QTextBrowser(AboutDialog)
        self.licences_browser.setObjectName(u"licences_browser")
        self.licences_browser.setOpenExternalLinks(True)

        self.layout.addWidget(self.licences_browser)

        self.buttons = QDialogButtonBox(AboutDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(3, 1)

        self.retranslateUi(AboutDialog)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"About FairDesk", None))
        self.blurb.setText(QCoreApplication.translate("AboutDialog", u"The on-site IP complaint desk of a trade fair: intake, deadlines, decisions, patrols and follow-up.", None))
        self.version_caption.setText(QCoreApplication.translate("AboutDialog", u"Version:", None))
        self.data_dir_caption.setText(QCoreApplication.translate("AboutDialog", u"Data folder:", None))
        self.database_caption.setText(QCoreApplication.translate("AboutDialog", u"Database:", None))
        self.root_caption.setText(QCoreApplication.translate("AboutDialog", u"Root key:", None))
        self.runtime_caption.setText(QCoreApplication.translate("AboutDialog", u"Running on:", None))
    # retranslateUi
