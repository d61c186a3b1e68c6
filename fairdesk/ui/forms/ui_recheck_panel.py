# GENERATED from ui/recheck_panel.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recheck_panel.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTableView, QVBoxLayout, QWidget)

class Ui_RecheckPanel(object):
    def setupUi(self, RecheckPanel):
        if not RecheckPanel.objectName():
            RecheckPanel.setObjectName(u"RecheckPanel")
        self.recheck_layout = QVBoxLayout(RecheckPanel)
        self.recheck_layout.setObjectName(u"recheck_layout")
        self.recheck_layout.setContentsMargins(0, 0, 0, 0)
        self.recheck_splitter = QSplitter(RecheckPanel)
        self.recheck_splitter.setObjectName(u"recheck_splitter")
        self.recheck_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.recheck_splitter.setChildrenCollapsible(False)
        self.recheck_list = QWidget(self.recheck_splitter)
        self.recheck_list.setObjectName(u"recheck_list")
        self.listing = QVBoxLayout(self.recheck_list)
        self.listing.setObjectName(u"listing")
        self.listing.setContentsMargins(9, 9, 9, 9)
        self.list_top = QHBoxLayout()
        self.list_top.setObjectName(u"list_top")
        self.task_summary = QLabel(self.recheck_list)
        self.task_summary.setObjectName(u"task_summary")

        self.list_top.addWidget(self.task_summary)

        self.only_hall_check = QCheckBox(self.recheck_list)
        self.only_hall_check.setObjectName(u"only_hall_check")

        self.list_top.addWidget(self.only_hall_check)

        self.list_top.setStretch(0, 1)

        self.listing.addLayout(self.list_top)

        self.task_table = QTableView(self.recheck_list)
        self.task_table.setObjectName(u"task_table")
        self.task_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.task_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.task_table.setWordWrap(False)
        self.task_table.horizontalHeader().setStretchLastSection(True)
        self.task_table.verticalHeader().setVisible(False)

        self.listing.addWidget(self.task_table)

        self.listing.setStretch(1, 1)
        self.recheck_splitter.addWidget(self.recheck_list)
        self.recheck_detail = QWidget(self.recheck_splitter)
        self.recheck_detail.setObjectName(u"recheck_detail")
        self.detail = QVBoxLayout(self.recheck_detail)
        self.detail.setObjectName(u"detail")
        self.detail.setContentsMargins(9, 9, 9, 9)
        self.recheck_title = QLabel(self.recheck_detail)
        self.recheck_title.setObjectName(u"recheck_title")
        self.recheck_title.setWordWrap(True)

        self.detail.addWidget(self.recheck_title)

        self.galleries = QHBoxLayout()
        self.galleries.setObjectName(u"galleries")

        self.detail.addLayout(self.galleries)

        self.result_box = QGroupBox(self.recheck_detail)
        self.result_box.setObjectName(u"result_box")
        self.result_grid = QGridLayout(self.result_box)
        self.result_grid.setObjectName(u"result_grid")

        self.detail.addWidget(self.result_box)

        self.recheck_notes = QPlainTextEdit(self.recheck_detail)
        self.recheck_notes.setObjectName(u"recheck_notes")
        self.recheck_notes.setMaximumSize(QSize(16777215, 80))
        self.recheck_notes.setTabChangesFocus(True)

        self.detail.addWidget(self.recheck_notes)

        self.recheck_save_button = QPushButton(self.recheck_detail)
        self.recheck_save_button.setObjectName(u"recheck_save_button")

        self.detail.addWidget(self.recheck_save_button)

        self.recheck_saved_label = QLabel(self.recheck_detail)
        self.recheck_saved_label.setObjectName(u"recheck_saved_label")
        self.recheck_saved_label.setWordWrap(True)

        self.detail.addWidget(self.recheck_saved_label)

        self.detail_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detail.addItem(self.detail_stretch)

        self.detail.setStretch(6, 1)
        self.recheck_splitter.addWidget(self.recheck_detail)

        self.recheck_layout.addWidget(self.recheck_splitter)


        self.retranslateUi(RecheckPanel)

        QMetaObject.connectSlotsByName(RecheckPanel)
    # setupUi

    def retranslateUi(self, RecheckPanel):
        self.only_hall_check.setText(QCoreApplication.translate("RecheckPanel", u"Only the round's hall", None))
        self.result_box.setTitle(QCoreApplication.translate("RecheckPanel", u"Result \u2014 keys 1-4 or Ctrl+1-4", None))
        self.recheck_notes.setPlaceholderText(QCoreApplication.translate("RecheckPanel", u"Notes (optional) \u2014 Ctrl+Enter saves", None))
        self.recheck_save_button.setText(QCoreApplication.translate("RecheckPanel", u"Save re-check   (Ctrl+Enter)", None))
        pass
    # retranslateUi
