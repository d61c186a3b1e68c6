# GENERATED from ui/case_view.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_view.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_CaseView(object):
    def setupUi(self, CaseView):
        if not CaseView.objectName():
            CaseView.setObjectName(u"CaseView")
        self.layout = QVBoxLayout(CaseView)
        self.layout.setObjectName(u"layout")
        self.head = QHBoxLayout()
        self.head.setObjectName(u"head")
        self.case_number_label = QLabel(CaseView)
        self.case_number_label.setObjectName(u"case_number_label")
        self.case_number_label.setTextFormat(Qt.TextFormat.PlainText)
        self.case_number_label.setWordWrap(False)
        self.case_number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.head.addWidget(self.case_number_label)

        self.state_badge = QWidget(CaseView)
        self.state_badge.setObjectName(u"state_badge")
        self.badge = QHBoxLayout(self.state_badge)
        self.badge.setObjectName(u"badge")
        self.badge.setContentsMargins(8, 3, 10, 3)
        self.state_icon = QLabel(self.state_badge)
        self.state_icon.setObjectName(u"state_icon")

        self.badge.addWidget(self.state_icon)

        self.state_label = QLabel(self.state_badge)
        self.state_label.setObjectName(u"state_label")
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)

        self.badge.addWidget(self.state_label)


        self.head.addWidget(self.state_badge)

        self.head_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.head.addItem(self.head_stretch)

        self.fair_label = QLabel(CaseView)
        self.fair_label.setObjectName(u"fair_label")
        self.fair_label.setTextFormat(Qt.TextFormat.PlainText)
        self.fair_label.setWordWrap(False)
        self.fair_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.head.addWidget(self.fair_label)

        self.head.setStretch(2, 1)

        self.layout.addLayout(self.head)

        self.complaint_label = QLabel(CaseView)
        self.complaint_label.setObjectName(u"complaint_label")
        self.complaint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.complaint_label.setWordWrap(True)
        self.complaint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.complaint_label)

        self.siblings_label = QLabel(CaseView)
        self.siblings_label.setObjectName(u"siblings_label")
        self.siblings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.siblings_label.setWordWrap(True)
        self.siblings_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.siblings_label)

        self.message_bar = QWidget(CaseView)
        self.message_bar.setObjectName(u"message_bar")
        self.message_bar.setStyleSheet(u"#message_bar { background: #fff4e5; border: 1px solid #b35c00; }")
        self.bar = QHBoxLayout(self.message_bar)
        self.bar.setObjectName(u"bar")
        self.bar.setContentsMargins(9, 9, 9, 9)
        self.message_icon = QLabel(self.message_bar)
        self.message_icon.setObjectName(u"message_icon")

        self.bar.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)

        self.message_label = QLabel(self.message_bar)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bar.addWidget(self.message_label)

        self.bar.setStretch(1, 1)

        self.layout.addWidget(self.message_bar)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.case_user_label = QLabel(CaseView)
        self.case_user_label.setObjectName(u"case_user_label")
        self.case_user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.case_user_label.setWordWrap(True)
        self.case_user_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bottom.addWidget(self.case_user_label)

        self.reload_button = QPushButton(CaseView)
        self.reload_button.setObjectName(u"reload_button")

        self.bottom.addWidget(self.reload_button)

        self.documents_button = QPushButton(CaseView)
        self.documents_button.setObjectName(u"documents_button")

        self.bottom.addWidget(self.documents_button)

        self.handoff_button = QPushButton(CaseView)
        self.handoff_button.setObjectName(u"handoff_button")

        self.bottom.addWidget(self.handoff_button)

        self.correct_button = QPushButton(CaseView)
        self.correct_button.setObjectName(u"correct_button")

        self.bottom.addWidget(self.correct_button)

        self.close_button = QPushButton(CaseView)
        self.close_button.setObjectName(u"close_button")

        self.bottom.addWidget(self.close_button)

        self.bottom.setStretch(0, 1)

        self.layout.addLayout(self.bottom)


        self.retranslateUi(CaseView)

        QMetaObject.connectSlotsByName(CaseView)
    # setupUi

    def retranslateUi(self, CaseView):
        self.reload_button.setText(QCoreApplication.translate("CaseView", u"Reload (F5)", None))
        self.documents_button.setText(QCoreApplication.translate("CaseView", u"Documents\u2026 (Ctrl+P)", None))
        self.handoff_button.setText(QCoreApplication.translate("CaseView", u"Hand-o&ffs\u2026", None))
        self.correct_button.setText(QCoreApplication.translate("CaseView", u"Correct the decision\u2026 (Ctrl+Shift+D)", None))
        self.close_button.setText(QCoreApplication.translate("CaseView", u"Close (Esc)", None))
        pass
    # retranslateUi
