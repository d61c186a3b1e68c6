# GENERATED from ui/hall_board.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hall_board.ui'
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
    QLabel, QPushButton, QSizePolicy, QStackedWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_HallBoard(object):
    def setupUi(self, HallBoard):
        if not HallBoard.objectName():
            HallBoard.setObjectName(u"HallBoard")
        self.board_layout = QVBoxLayout(HallBoard)
        self.board_layout.setObjectName(u"board_layout")
        self.board_layout.setContentsMargins(0, 0, 0, 0)
        self.top = QHBoxLayout()
        self.top.setObjectName(u"top")
        self.hall_board_title = QLabel(HallBoard)
        self.hall_board_title.setObjectName(u"hall_board_title")

        self.top.addWidget(self.hall_board_title)

        self.grid_button = QPushButton(HallBoard)
        self.grid_button.setObjectName(u"grid_button")
        self.grid_button.setCheckable(True)
        self.grid_button.setChecked(True)

        self.top.addWidget(self.grid_button)

        self.plan_button = QPushButton(HallBoard)
        self.plan_button.setObjectName(u"plan_button")
        self.plan_button.setEnabled(False)
        self.plan_button.setCheckable(True)

        self.top.addWidget(self.plan_button)

        self.load_plan_button = QPushButton(HallBoard)
        self.load_plan_button.setObjectName(u"load_plan_button")

        self.top.addWidget(self.load_plan_button)

        self.top.setStretch(0, 1)

        self.board_layout.addLayout(self.top)

        self.legend = QHBoxLayout()
        self.legend.setObjectName(u"legend")

        self.board_layout.addLayout(self.legend)

        self.hall_board_message = QLabel(HallBoard)
        self.hall_board_message.setObjectName(u"hall_board_message")
        self.hall_board_message.setWordWrap(True)

        self.board_layout.addWidget(self.hall_board_message)

        self.stack = QStackedWidget(HallBoard)
        self.stack.setObjectName(u"stack")
        self.hall_board_grid = QTableView()
        self.hall_board_grid.setObjectName(u"hall_board_grid")
        self.hall_board_grid.setStyleSheet(u"QTableView#hall_board_grid { background: white; }")
        self.hall_board_grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hall_board_grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hall_board_grid.setShowGrid(False)
        self.hall_board_grid.setWordWrap(True)
        self.stack.addWidget(self.hall_board_grid)
        self.hall_board_grid.horizontalHeader().setMinimumSectionSize(20)

        self.board_layout.addWidget(self.stack)

        self.board_layout.setStretch(3, 1)

        self.retranslateUi(HallBoard)

        QMetaObject.connectSlotsByName(HallBoard)
    # setupUi

    def retranslateUi(self, HallBoard):
        self.grid_button.setText(QCoreApplication.translate("HallBoard", u"&Grid", None))
        self.plan_button.setText(QCoreApplication.translate("HallBoard", u"Floor &plan", None))
        self.load_plan_button.setText(QCoreApplication.translate("HallBoard", u"Load floor plan\u2026", None))
#if QT_CONFIG(accessibility)
        self.hall_board_grid.setAccessibleName(QCoreApplication.translate("HallBoard", u"Hall board", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
