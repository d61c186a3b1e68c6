# GENERATED from ui/exhibitors_window.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'exhibitors_window.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMainWindow, QPushButton,
    QSizePolicy, QSplitter, QStatusBar, QTableView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ExhibitorsWindow(object):
    def setupUi(self, exhibitors_window):
        if not exhibitors_window.objectName():
            exhibitors_window.setObjectName(u"exhibitors_window")
        exhibitors_window.resize(1280, 760)
        self.central = QWidget(exhibitors_window)
        self.central.setObjectName(u"central")
        self.layout = QVBoxLayout(self.central)
        self.layout.setObjectName(u"layout")
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.search_label = QLabel(self.central)
        self.search_label.setObjectName(u"search_label")

        self.bar.addWidget(self.search_label)

        self.exhibitor_search_edit = QLineEdit(self.central)
        self.exhibitor_search_edit.setObjectName(u"exhibitor_search_edit")
        self.exhibitor_search_edit.setClearButtonEnabled(True)

        self.bar.addWidget(self.exhibitor_search_edit)

        self.count_label = QLabel(self.central)
        self.count_label.setObjectName(u"count_label")

        self.bar.addWidget(self.count_label)

        self.import_button = QPushButton(self.central)
        self.import_button.setObjectName(u"import_button")

        self.bar.addWidget(self.import_button)

        self.bar.setStretch(1, 1)

        self.layout.addLayout(self.bar)

        self.exhibitor_splitter = QSplitter(self.central)
        self.exhibitor_splitter.setObjectName(u"exhibitor_splitter")
        self.exhibitor_splitter.setOrientation(Qt.Vertical)
        self.exhibitor_splitter.setChildrenCollapsible(False)
        self.exhibitor_table = QTableView(self.exhibitor_splitter)
        self.exhibitor_table.setObjectName(u"exhibitor_table")
        self.exhibitor_table.setAlternatingRowColors(True)
        self.exhibitor_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.exhibitor_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.exhibitor_table.setSortingEnabled(True)
        self.exhibitor_table.setWordWrap(False)
        self.exhibitor_splitter.addWidget(self.exhibitor_table)
        self.exhibitor_table.verticalHeader().setVisible(False)
        self.history_pane = QWidget(self.exhibitor_splitter)
        self.history_pane.setObjectName(u"history_pane")
        self.history_layout = QVBoxLayout(self.history_pane)
        self.history_layout.setObjectName(u"history_layout")
        self.history_layout.setContentsMargins(0, 0, 0, 0)
        self.history_heading = QLabel(self.history_pane)
        self.history_heading.setObjectName(u"history_heading")

        self.history_layout.addWidget(self.history_heading)

        self.history_title = QLabel(self.history_pane)
        self.history_title.setObjectName(u"history_title")
        self.history_title.setWordWrap(True)
        self.history_title.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.history_layout.addWidget(self.history_title)

        self.history_tree = QTreeWidget(self.history_pane)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.history_tree.setHeaderItem(__qtreewidgetitem)
        self.history_tree.setObjectName(u"history_tree")
        self.history_tree.setAlternatingRowColors(True)
        self.history_tree.setRootIsDecorated(True)
        self.history_tree.setUniformRowHeights(True)
        self.history_tree.header().setStretchLastSection(False)

        self.history_layout.addWidget(self.history_tree)

        self.history_layout.setStretch(2, 1)
        self.exhibitor_splitter.addWidget(self.history_pane)

        self.layout.addWidget(self.exhibitor_splitter)

        self.layout.setStretch(1, 1)
        exhibitors_window.setCentralWidget(self.central)
        self.statusbar = QStatusBar(exhibitors_window)
        self.statusbar.setObjectName(u"statusbar")
        exhibitors_window.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.exhibitor_search_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(exhibitors_window)

        QMetaObject.connectSlotsByName(exhibitors_window)
    # setupUi

    def retranslateUi(self, exhibitors_window):
        self.search_label.setText(QCoreApplication.translate("ExhibitorsWindow", u"&Search:", None))
#if QT_CONFIG(accessibility)
        self.exhibitor_search_edit.setAccessibleName(QCoreApplication.translate("ExhibitorsWindow", u"Search exhibitors", None))
#endif // QT_CONFIG(accessibility)
        self.exhibitor_search_edit.setPlaceholderText(QCoreApplication.translate("ExhibitorsWindow", u"Search name (Chinese or English), booth or credit code (Ctrl+F)", None))
        self.import_button.setText(QCoreApplication.translate("ExhibitorsWindow", u"&Import\u2026", None))
        self.history_heading.setText(QCoreApplication.translate("ExhibitorsWindow", u"<b>History across editions</b>", None))
        pass
    # retranslateUi
