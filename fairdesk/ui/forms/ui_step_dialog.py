# GENERATED from ui/step_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'step_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QSizePolicy, QVBoxLayout, QWidget)

class Ui_StepDialog(object):
    def setupUi(self, step_dialog):
        if not step_dialog.objectName():
            step_dialog.setObjectName(u"step_dialog")
        step_dialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(step_dialog)
        self.layout.setObjectName(u"layout")
        self.step_title = QLabel(step_dialog)
        self.step_title.setObjectName(u"step_title")
        self.step_title.setTextFormat(Qt.PlainText)

        self.layout.addWidget(self.step_title)

        self.step_subtitle = QLabel(step_dialog)
        self.step_subtitle.setObjectName(u"step_subtitle")
        self.step_subtitle.setTextFormat(Qt.PlainText)
        self.step_subtitle.setWordWrap(True)

        self.layout.addWidget(self.step_subtitle)

        self.step_error_box = QWidget(step_dialog)
        self.step_error_box.setObjectName(u"step_error_box")
        self.step_error_box.setStyleSheet(u"#step_error_box { background: #fff4e5; border: 1px solid #b35c00; }")
        self.error_row = QHBoxLayout(self.step_error_box)
        self.error_row.setObjectName(u"error_row")
        self.step_error_icon = QLabel(self.step_error_box)
        self.step_error_icon.setObjectName(u"step_error_icon")

        self.error_row.addWidget(self.step_error_icon, 0, Qt.AlignTop)

        self.step_error = QLabel(self.step_error_box)
        self.step_error.setObjectName(u"step_error")
        self.step_error.setTextFormat(Qt.PlainText)
        self.step_error.setWordWrap(True)
        self.step_error.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.error_row.addWidget(self.step_error)

        self.error_row.setStretch(1, 1)

        self.layout.addWidget(self.step_error_box)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)

        self.layout.addLayout(self.form)

        self.step_required_note = QLabel(step_dialog)
        self.step_required_note.setObjectName(u"step_required_note")
        self.step_required_note.setEnabled(False)

        self.layout.addWidget(self.step_required_note)


        self.retranslateUi(step_dialog)

        QMetaObject.connectSlotsByName(step_dialog)
    # setupUi

    def retranslateUi(self, step_dialog):
        self.step_required_note.setText(QCoreApplication.translate("StepDialog", u"* required", None))
        pass
    # retranslateUi
