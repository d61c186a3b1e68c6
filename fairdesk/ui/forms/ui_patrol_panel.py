# GENERATED from ui/patrol_panel.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'patrol_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_PatrolPanel(object):
    def setupUi(self, PatrolPanel):
        if not PatrolPanel.objectName():
            PatrolPanel.setObjectName(u"PatrolPanel")
        self.patrol_layout = QVBoxLayout(PatrolPanel)
        self.patrol_layout.setObjectName(u"patrol_layout")
        self.patrol_layout.setContentsMargins(0, 0, 0, 0)
        self.patrol_splitter = QSplitter(PatrolPanel)
        self.patrol_splitter.setObjectName(u"patrol_splitter")
        self.patrol_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.patrol_splitter.setChildrenCollapsible(False)
        self.patrol_form = QWidget(self.patrol_splitter)
        self.patrol_form.setObjectName(u"patrol_form")
        self.form = QVBoxLayout(self.patrol_form)
        self.form.setObjectName(u"form")
        self.form.setContentsMargins(9, 9, 9, 9)
        self.booth_row = QHBoxLayout()
        self.booth_row.setObjectName(u"booth_row")
        self.booth_edit = QLineEdit(self.patrol_form)
        self.booth_edit.setObjectName(u"booth_edit")
        self.booth_edit.setClearButtonEnabled(True)

        self.booth_row.addWidget(self.booth_edit)

        self.go_button = QPushButton(self.patrol_form)
        self.go_button.setObjectName(u"go_button")

        self.booth_row.addWidget(self.go_button)

        self.booth_row.setStretch(0, 1)

        self.form.addLayout(self.booth_row)

        self.target_label = QLabel(self.patrol_form)
        self.target_label.setObjectName(u"target_label")
        self.target_label.setTextFormat(Qt.TextFormat.PlainText)
        self.target_label.setWordWrap(True)

        self.form.addWidget(self.target_label)

        self.exhibitor_combo = QComboBox(self.patrol_form)
        self.exhibitor_combo.setObjectName(u"exhibitor_combo")

        self.form.addWidget(self.exhibitor_combo)

        self.finding_box = QGroupBox(self.patrol_form)
        self.finding_box.setObjectName(u"finding_box")
        self.finding_grid = QGridLayout(self.finding_box)
        self.finding_grid.setObjectName(u"finding_grid")

        self.form.addWidget(self.finding_box)

        self.notes_edit = QPlainTextEdit(self.patrol_form)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setMaximumSize(QSize(16777215, 96))
        self.notes_edit.setTabChangesFocus(True)

        self.form.addWidget(self.notes_edit)

        self.save_button = QPushButton(self.patrol_form)
        self.save_button.setObjectName(u"save_button")

        self.form.addWidget(self.save_button)

        self.saved_label = QLabel(self.patrol_form)
        self.saved_label.setObjectName(u"saved_label")
        self.saved_label.setWordWrap(True)

        self.form.addWidget(self.saved_label)

        self.form_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.form.addItem(self.form_stretch)

        self.form.setStretch(7, 1)
        self.patrol_splitter.addWidget(self.patrol_form)
        self.patrol_side = QWidget(self.patrol_splitter)
        self.patrol_side.setObjectName(u"patrol_side")
        self.side = QVBoxLayout(self.patrol_side)
        self.side.setObjectName(u"side")
        self.side.setContentsMargins(9, 9, 9, 9)
        self.log_title = QLabel(self.patrol_side)
        self.log_title.setObjectName(u"log_title")

        self.side.addWidget(self.log_title)

        self.visit_log = QTableView(self.patrol_side)
        self.visit_log.setObjectName(u"visit_log")
        self.visit_log.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.visit_log.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.visit_log.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.visit_log.setWordWrap(False)
        self.visit_log.verticalHeader().setVisible(False)

        self.side.addWidget(self.visit_log)

        self.correct_finding_button = QPushButton(self.patrol_side)
        self.correct_finding_button.setObjectName(u"correct_finding_button")

        self.side.addWidget(self.correct_finding_button)

        self.complaint_button = QPushButton(self.patrol_side)
        self.complaint_button.setObjectName(u"complaint_button")

        self.side.addWidget(self.complaint_button)

        self.side.setStretch(1, 1)
        self.patrol_splitter.addWidget(self.patrol_side)

        self.patrol_layout.addWidget(self.patrol_splitter)


        self.retranslateUi(PatrolPanel)

        QMetaObject.connectSlotsByName(PatrolPanel)
    # setupUi

    def retranslateUi(self, PatrolPanel):
#if QT_CONFIG(accessibility)
        self.booth_edit.setAccessibleName(QCoreApplication.translate("PatrolPanel", u"Booth", None))
#endif // QT_CONFIG(accessibility)
        self.booth_edit.setPlaceholderText(QCoreApplication.translate("PatrolPanel", u"Booth number, or scan the booth notice \u2014 then Enter", None))
        self.go_button.setText(QCoreApplication.translate("PatrolPanel", u"Go", None))
        self.target_label.setText(QCoreApplication.translate("PatrolPanel", u"Type a booth number and press Enter.", None))
#if QT_CONFIG(accessibility)
        self.exhibitor_combo.setAccessibleName(QCoreApplication.translate("PatrolPanel", u"Which exhibitor at a shared booth", None))
#endif // QT_CONFIG(accessibility)
        self.finding_box.setTitle(QCoreApplication.translate("PatrolPanel", u"Finding \u2014 keys 1-6 or Ctrl+1-6", None))
        self.notes_edit.setPlaceholderText(QCoreApplication.translate("PatrolPanel", u"Notes (optional) \u2014 Ctrl+Enter saves", None))
        self.save_button.setText(QCoreApplication.translate("PatrolPanel", u"Save finding   (Ctrl+Enter)", None))
        self.log_title.setText(QCoreApplication.translate("PatrolPanel", u"This round", None))
        self.correct_finding_button.setText(QCoreApplication.translate("PatrolPanel", u"Correct this finding\u2026  (Ctrl+Shift+F)", None))
        self.complaint_button.setText(QCoreApplication.translate("PatrolPanel", u"Open a complaint from this visit\u2026", None))
        pass
    # retranslateUi
