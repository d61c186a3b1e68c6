# GENERATED from ui/verify_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verify_dialog.ui'
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
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_VerifyDialog(object):
    def setupUi(self, VerifyDialog):
        if not VerifyDialog.objectName():
            VerifyDialog.setObjectName(u"VerifyDialog")
        VerifyDialog.resize(760, 640)
        VerifyDialog.setAcceptDrops(True)
        VerifyDialog.setSizeGripEnabled(True)
        self.layout = QVBoxLayout(VerifyDialog)
        self.layout.setObjectName(u"layout")
        self.verify_heading = QLabel(VerifyDialog)
        self.verify_heading.setObjectName(u"verify_heading")

        self.layout.addWidget(self.verify_heading)

        self.verify_hint = QLabel(VerifyDialog)
        self.verify_hint.setObjectName(u"verify_hint")
        self.verify_hint.setWordWrap(True)

        self.layout.addWidget(self.verify_hint)

        self.row = QHBoxLayout()
        self.row.setObjectName(u"row")
        self.code_label = QLabel(VerifyDialog)
        self.code_label.setObjectName(u"code_label")

        self.row.addWidget(self.code_label)

        self.payload_edit = QLineEdit(VerifyDialog)
        self.payload_edit.setObjectName(u"payload_edit")
        self.payload_edit.setClearButtonEnabled(True)

        self.row.addWidget(self.payload_edit)

        self.check_button = QPushButton(VerifyDialog)
        self.check_button.setObjectName(u"check_button")
        self.check_button.setAutoDefault(False)

        self.row.addWidget(self.check_button)

        self.open_file_button = QPushButton(VerifyDialog)
        self.open_file_button.setObjectName(u"open_file_button")
        self.open_file_button.setAutoDefault(False)

        self.row.addWidget(self.open_file_button)

        self.row.setStretch(1, 1)

        self.layout.addLayout(self.row)

        self.result_box = QFrame(VerifyDialog)
        self.result_box.setObjectName(u"result_box")
        self.head = QHBoxLayout(self.result_box)
        self.head.setObjectName(u"head")
        self.status_icon = QLabel(self.result_box)
        self.status_icon.setObjectName(u"status_icon")
        self.status_icon.setMinimumSize(QSize(72, 72))
        self.status_icon.setMaximumSize(QSize(72, 72))
        self.status_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.head.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)

        self.words = QVBoxLayout()
        self.words.setObjectName(u"words")
        self.status_label = QLabel(self.result_box)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        self.words.addWidget(self.status_label)

        self.verify_message = QLabel(self.result_box)
        self.verify_message.setObjectName(u"verify_message")
        self.verify_message.setTextFormat(Qt.TextFormat.PlainText)
        self.verify_message.setWordWrap(True)
        self.verify_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.words.addWidget(self.verify_message)

        self.words_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.words.addItem(self.words_stretch)

        self.words.setStretch(2, 1)

        self.head.addLayout(self.words)

        self.head.setStretch(1, 1)

        self.layout.addWidget(self.result_box)

        self.summary_heading = QLabel(VerifyDialog)
        self.summary_heading.setObjectName(u"summary_heading")

        self.layout.addWidget(self.summary_heading)

        self.summary_box = QFrame(VerifyDialog)
        self.summary_box.setObjectName(u"summary_box")
        self.summary_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary_form = QFormLayout(self.summary_box)
        self.summary_form.setObjectName(u"summary_form")
        self.summary_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.summary_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.layout.addWidget(self.summary_box)

        self.stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.stretch)

        self.buttons = QDialogButtonBox(VerifyDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(6, 1)
#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.payload_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.payload_edit, self.check_button)
        QWidget.setTabOrder(self.check_button, self.open_file_button)

        self.retranslateUi(VerifyDialog)

        QMetaObject.connectSlotsByName(VerifyDialog)
    # setupUi

    def retranslateUi(self, VerifyDialog):
        VerifyDialog.setWindowTitle(QCoreApplication.translate("VerifyDialog", u"Check a document \u00b7 \u6838\u9a8c\u6587\u4e66", None))
        self.verify_heading.setText(QCoreApplication.translate("VerifyDialog", u"Check a document \u00b7 \u6838\u9a8c\u6587\u4e66", None))
        self.verify_hint.setText(QCoreApplication.translate("VerifyDialog", u"Scan the QR code on the paper with the scanner, or paste the code's text and press Enter. Or open a PDF or a photo of the page (or drop it here).", None))
        self.code_label.setText(QCoreApplication.translate("VerifyDialog", u"&Code:", None))
#if QT_CONFIG(accessibility)
        self.payload_edit.setAccessibleName(QCoreApplication.translate("VerifyDialog", u"Document code", None))
#endif // QT_CONFIG(accessibility)
        self.payload_edit.setPlaceholderText(QCoreApplication.translate("VerifyDialog", u"FD2.\u2026 \u2014 scan or paste here, then Enter", None))
        self.check_button.setText(QCoreApplication.translate("VerifyDialog", u"Chec&k (Enter)", None))
        self.open_file_button.setText(QCoreApplication.translate("VerifyDialog", u"&Open file\u2026", None))
        self.summary_heading.setText(QCoreApplication.translate("VerifyDialog", u"What the document says \u00b7 \u6587\u4e66\u5185\u5bb9", None))
    # retranslateUi
