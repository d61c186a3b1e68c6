# GENERATED from ui/dashboard.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QScrollArea,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_Dashboard(object):
    def setupUi(self, Dashboard):
        if not Dashboard.objectName():
            Dashboard.setObjectName(u"Dashboard")
        self.outer = QVBoxLayout(Dashboard)
        self.outer.setObjectName(u"outer")
        self.head = QHBoxLayout()
        self.head.setObjectName(u"head")
        self.dashboard_title = QLabel(Dashboard)
        self.dashboard_title.setObjectName(u"dashboard_title")

        self.head.addWidget(self.dashboard_title)

        self.refresh_button = QPushButton(Dashboard)
        self.refresh_button.setObjectName(u"refresh_button")

        self.head.addWidget(self.refresh_button)

        self.report_button = QPushButton(Dashboard)
        self.report_button.setObjectName(u"report_button")

        self.head.addWidget(self.report_button)

        self.followup_button = QPushButton(Dashboard)
        self.followup_button.setObjectName(u"followup_button")

        self.head.addWidget(self.followup_button)

        self.head.setStretch(0, 1)

        self.outer.addLayout(self.head)

        self.error_label = QLabel(Dashboard)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #a00;")
        self.error_label.setWordWrap(True)

        self.outer.addWidget(self.error_label)

        self.scroll = QScrollArea(Dashboard)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setObjectName(u"body_layout")
        self.body_layout.setContentsMargins(9, 9, 9, 9)
        self.tiles = QGridLayout()
        self.tiles.setObjectName(u"tiles")
        self.frame_complaints = QFrame(self.body)
        self.frame_complaints.setObjectName(u"frame_complaints")
        self.frame_complaints.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_complaints = QVBoxLayout(self.frame_complaints)
        self.layout_complaints.setObjectName(u"layout_complaints")
        self.layout_complaints.setContentsMargins(9, 9, 9, 9)
        self.caption_complaints = QLabel(self.frame_complaints)
        self.caption_complaints.setObjectName(u"caption_complaints")
        self.caption_complaints.setWordWrap(True)

        self.layout_complaints.addWidget(self.caption_complaints)

        self.tile_complaints = QLabel(self.frame_complaints)
        self.tile_complaints.setObjectName(u"tile_complaints")
        self.tile_complaints.setText(u"\u2014")

        self.layout_complaints.addWidget(self.tile_complaints)


        self.tiles.addWidget(self.frame_complaints, 0, 0, 1, 1)

        self.frame_enterprises = QFrame(self.body)
        self.frame_enterprises.setObjectName(u"frame_enterprises")
        self.frame_enterprises.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_enterprises = QVBoxLayout(self.frame_enterprises)
        self.layout_enterprises.setObjectName(u"layout_enterprises")
        self.layout_enterprises.setContentsMargins(9, 9, 9, 9)
        self.caption_enterprises = QLabel(self.frame_enterprises)
        self.caption_enterprises.setObjectName(u"caption_enterprises")
        self.caption_enterprises.setWordWrap(True)

        self.layout_enterprises.addWidget(self.caption_enterprises)

        self.tile_enterprises = QLabel(self.frame_enterprises)
        self.tile_enterprises.setObjectName(u"tile_enterprises")
        self.tile_enterprises.setText(u"\u2014")

        self.layout_enterprises.addWidget(self.tile_enterprises)


        self.tiles.addWidget(self.frame_enterprises, 0, 1, 1, 1)

        self.frame_confirmed = QFrame(self.body)
        self.frame_confirmed.setObjectName(u"frame_confirmed")
        self.frame_confirmed.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_confirmed = QVBoxLayout(self.frame_confirmed)
        self.layout_confirmed.setObjectName(u"layout_confirmed")
        self.layout_confirmed.setContentsMargins(9, 9, 9, 9)
        self.caption_confirmed = QLabel(self.frame_confirmed)
        self.caption_confirmed.setObjectName(u"caption_confirmed")
        self.caption_confirmed.setWordWrap(True)

        self.layout_confirmed.addWidget(self.caption_confirmed)

        self.tile_confirmed = QLabel(self.frame_confirmed)
        self.tile_confirmed.setObjectName(u"tile_confirmed")
        self.tile_confirmed.setText(u"\u2014")

        self.layout_confirmed.addWidget(self.tile_confirmed)


        self.tiles.addWidget(self.frame_confirmed, 0, 2, 1, 1)

        self.frame_foreign = QFrame(self.body)
        self.frame_foreign.setObjectName(u"frame_foreign")
        self.frame_foreign.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_foreign = QVBoxLayout(self.frame_foreign)
        self.layout_foreign.setObjectName(u"layout_foreign")
        self.layout_foreign.setContentsMargins(9, 9, 9, 9)
        self.caption_foreign = QLabel(self.frame_foreign)
        self.caption_foreign.setObjectName(u"caption_foreign")
        self.caption_foreign.setWordWrap(True)

        self.layout_foreign.addWidget(self.caption_foreign)

        self.tile_foreign = QLabel(self.frame_foreign)
        self.tile_foreign.setObjectName(u"tile_foreign")
        self.tile_foreign.setText(u"\u2014")

        self.layout_foreign.addWidget(self.tile_foreign)


        self.tiles.addWidget(self.frame_foreign, 0, 3, 1, 1)

        self.frame_transfer = QFrame(self.body)
        self.frame_transfer.setObjectName(u"frame_transfer")
        self.frame_transfer.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_transfer = QVBoxLayout(self.frame_transfer)
        self.layout_transfer.setObjectName(u"layout_transfer")
        self.layout_transfer.setContentsMargins(9, 9, 9, 9)
        self.caption_transfer = QLabel(self.frame_transfer)
        self.caption_transfer.setObjectName(u"caption_transfer")
        self.caption_transfer.setWordWrap(True)

        self.layout_transfer.addWidget(self.caption_transfer)

        self.tile_transfer = QLabel(self.frame_transfer)
        self.tile_transfer.setObjectName(u"tile_transfer")
        self.tile_transfer.setText(u"\u2014")

        self.layout_transfer.addWidget(self.tile_transfer)


        self.tiles.addWidget(self.frame_transfer, 1, 0, 1, 1)

        self.frame_consultations = QFrame(self.body)
        self.frame_consultations.setObjectName(u"frame_consultations")
        self.frame_consultations.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_consultations = QVBoxLayout(self.frame_consultations)
        self.layout_consultations.setObjectName(u"layout_consultations")
        self.layout_consultations.setContentsMargins(9, 9, 9, 9)
        self.caption_consultations = QLabel(self.frame_consultations)
        self.caption_consultations.setObjectName(u"caption_consultations")
        self.caption_consultations.setWordWrap(True)

        self.layout_consultations.addWidget(self.caption_consultations)

        self.tile_consultations = QLabel(self.frame_consultations)
        self.tile_consultations.setObjectName(u"tile_consultations")
        self.tile_consultations.setText(u"\u2014")

        self.layout_consultations.addWidget(self.tile_consultations)


        self.tiles.addWidget(self.frame_consultations, 1, 1, 1, 1)

        self.frame_patrols = QFrame(self.body)
        self.frame_patrols.setObjectName(u"frame_patrols")
        self.frame_patrols.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_patrols = QVBoxLayout(self.frame_patrols)
        self.layout_patrols.setObjectName(u"layout_patrols")
        self.layout_patrols.setContentsMargins(9, 9, 9, 9)
        self.caption_patrols = QLabel(self.frame_patrols)
        self.caption_patrols.setObjectName(u"caption_patrols")
        self.caption_patrols.setWordWrap(True)

        self.layout_patrols.addWidget(self.caption_patrols)

        self.tile_patrols = QLabel(self.frame_patrols)
        self.tile_patrols.setObjectName(u"tile_patrols")
        self.tile_patrols.setText(u"\u2014")

        self.layout_patrols.addWidget(self.tile_patrols)


        self.tiles.addWidget(self.frame_patrols, 1, 2, 1, 1)

        self.frame_commercial = QFrame(self.body)
        self.frame_commercial.setObjectName(u"frame_commercial")
        self.frame_commercial.setFrameShape(QFrame.Shape.StyledPanel)
        self.layout_commercial = QVBoxLayout(self.frame_commercial)
        self.layout_commercial.setObjectName(u"layout_commercial")
        self.layout_commercial.setContentsMargins(9, 9, 9, 9)
        self.caption_commercial = QLabel(self.frame_commercial)
        self.caption_commercial.setObjectName(u"caption_commercial")
        self.caption_commercial.setWordWrap(True)

        self.layout_commercial.addWidget(self.caption_commercial)

        self.tile_commercial = QLabel(self.frame_commercial)
        self.tile_commercial.setObjectName(u"tile_commercial")
        self.tile_commercial.setText(u"\u2014")

        self.layout_commercial.addWidget(self.tile_commercial)


        self.tiles.addWidget(self.frame_commercial, 1, 3, 1, 1)


        self.body_layout.addLayout(self.tiles)

        self.charts = QGridLayout()
        self.charts.setObjectName(u"charts")

        self.body_layout.addLayout(self.charts)

        self.comparison_table = QTableView(self.body)
        self.comparison_table.setObjectName(u"comparison_table")
        self.comparison_table.setMinimumSize(QSize(0, 380))
        self.comparison_table.verticalHeader().setVisible(False)

        self.body_layout.addWidget(self.comparison_table)

        self.scroll.setWidget(self.body)

        self.outer.addWidget(self.scroll)

        self.outer.setStretch(2, 1)

        self.retranslateUi(Dashboard)

        QMetaObject.connectSlotsByName(Dashboard)
    # setupUi

    def retranslateUi(self, Dashboard):
        self.refresh_button.setText(QCoreApplication.translate("Dashboard", u"&Refresh", None))
        self.report_button.setText(QCoreApplication.translate("Dashboard", u"Report &PDF\u2026", None))
        self.followup_button.setText(QCoreApplication.translate("Dashboard", u"&Follow-up list\u2026", None))
        self.caption_complaints.setText(QCoreApplication.translate("Dashboard", u"\u6295\u8bc9 Complaints", None))
        self.caption_enterprises.setText(QCoreApplication.translate("Dashboard", u"\u88ab\u6295\u8bc9\u4f01\u4e1a Respondent enterprises", None))
        self.caption_confirmed.setText(QCoreApplication.translate("Dashboard", u"\u8ba4\u5b9a\u4fb5\u6743 Confirmed (rate)", None))
        self.caption_foreign.setText(QCoreApplication.translate("Dashboard", u"\u6d89\u5916\u53ca\u6d89\u6e2f\u6fb3\u53f0 Foreign, HK, Macao, Taiwan", None))
        self.caption_transfer.setText(QCoreApplication.translate("Dashboard", u"24 h \u79fb\u4ea4 Transfers on time", None))
        self.caption_consultations.setText(QCoreApplication.translate("Dashboard", u"\u54a8\u8be2 Consultations", None))
        self.caption_patrols.setText(QCoreApplication.translate("Dashboard", u"\u5de1\u67e5 Patrols / booths", None))
        self.caption_commercial.setText(QCoreApplication.translate("Dashboard", u"\u5546\u4e8b\u7ea0\u7eb7 Commercial disputes", None))
        pass
    # retranslateUi
