# GENERATED from ui/consultation_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'consultation_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ConsultationDialog(object):
    def setupUi(self, ConsultationDialog):
        if not ConsultationDialog.objectName():
            ConsultationDialog.setObjectName(u"ConsultationDialog")
        self.main_layout = QVBoxLayout(ConsultationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.topic_label = QLabel(ConsultationDialog)
        self.topic_label.setObjectName(u"topic_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.topic_label)

        self.topic_combo = QComboBox(ConsultationDialog)
        self.topic_combo.setObjectName(u"topic_combo")
        self.topic_combo.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.topic_combo)

        self.nationality_label = QLabel(ConsultationDialog)
        self.nationality_label.setObjectName(u"nationality_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nationality_label)

        self.nationality_edit = QLineEdit(ConsultationDialog)
        self.nationality_edit.setObjectName(u"nationality_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nationality_edit)

        self.language_label = QLabel(ConsultationDialog)
        self.language_label.setObjectName(u"language_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.language_label)

        self.language_combo = QComboBox(ConsultationDialog)
        self.language_combo.setObjectName(u"language_combo")
        self.language_combo.setEditable(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.language_combo)

        self.note_label = QLabel(ConsultationDialog)
        self.note_label.setObjectName(u"note_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(ConsultationDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.main_layout.addLayout(self.form)

        self.status_label = QLabel(ConsultationDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.button_box = QDialogButtonBox(ConsultationDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.topic_label.setBuddy(self.topic_combo)
        self.nationality_label.setBuddy(self.nationality_edit)
        self.language_label.setBuddy(self.language_combo)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.topic_combo, self.nationality_edit)
        QWidget.setTabOrder(self.nationality_edit, self.language_combo)
        QWidget.setTabOrder(self.language_combo, self.note_edit)

        self.retranslateUi(ConsultationDialog)

        QMetaObject.connectSlotsByName(ConsultationDialog)
    # setupUi

    def retranslateUi(self, ConsultationDialog):
        ConsultationDialog.setWindowTitle(QCoreApplication.translate("ConsultationDialog", u"Log a consultation / \u54a8\u8be2\u767b\u8bb0", None))
        self.topic_label.setText(QCoreApplication.translate("ConsultationDialog", u"&Topic", None))
        self.nationality_label.setText(QCoreApplication.translate("ConsultationDialog", u"&Nationality", None))
        self.nationality_edit.setPlaceholderText(QCoreApplication.translate("ConsultationDialog", u"e.g. \u5fb7\u56fd / Germany", None))
        self.language_label.setText(QCoreApplication.translate("ConsultationDialog", u"&Language", None))
        self.note_label.setText(QCoreApplication.translate("ConsultationDialog", u"N&ote", None))
    # retranslateUi
