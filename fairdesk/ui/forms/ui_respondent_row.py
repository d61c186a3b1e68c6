# GENERATED from ui/respondent_row.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'respondent_row.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_RespondentRow(object):
    def setupUi(self, respondent_row):
        if not respondent_row.objectName():
            respondent_row.setObjectName(u"respondent_row")
        respondent_row.setFrameShape(QFrame.StyledPanel)
        self.layout = QVBoxLayout(respondent_row)
        self.layout.setObjectName(u"layout")
        self.respondent_title = QLabel(respondent_row)
        self.respondent_title.setObjectName(u"respondent_title")

        self.layout.addWidget(self.respondent_title)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.search_label = QLabel(respondent_row)
        self.search_label.setObjectName(u"search_label")

        self.grid.addWidget(self.search_label, 0, 0, 1, 1)

        self.remove_respondent = QPushButton(respondent_row)
        self.remove_respondent.setObjectName(u"remove_respondent")

        self.grid.addWidget(self.remove_respondent, 0, 2, 1, 1, Qt.AlignTop)

        self.choice_label = QLabel(respondent_row)
        self.choice_label.setObjectName(u"choice_label")

        self.grid.addWidget(self.choice_label, 1, 0, 1, 1)

        self.respondent_status = QLabel(respondent_row)
        self.respondent_status.setObjectName(u"respondent_status")
        self.respondent_status.setWordWrap(True)
        self.respondent_status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.grid.addWidget(self.respondent_status, 2, 1, 1, 2)

        self.exhibits_label = QLabel(respondent_row)
        self.exhibits_label.setObjectName(u"exhibits_label")

        self.grid.addWidget(self.exhibits_label, 3, 0, 1, 1, Qt.AlignTop)

        self.entry = QHBoxLayout()
        self.entry.setObjectName(u"entry")
        self.exhibit_model = QLineEdit(respondent_row)
        self.exhibit_model.setObjectName(u"exhibit_model")

        self.entry.addWidget(self.exhibit_model, 0, Qt.AlignTop)

        self.exhibit_quantity = QLineEdit(respondent_row)
        self.exhibit_quantity.setObjectName(u"exhibit_quantity")
        self.exhibit_quantity.setMaximumSize(QSize(70, 16777215))

        self.entry.addWidget(self.exhibit_quantity, 0, Qt.AlignTop)

        self.exhibit_rights = QLineEdit(respondent_row)
        self.exhibit_rights.setObjectName(u"exhibit_rights")

        self.entry.addWidget(self.exhibit_rights, 0, Qt.AlignTop)

        self.add_exhibit = QPushButton(respondent_row)
        self.add_exhibit.setObjectName(u"add_exhibit")

        self.entry.addWidget(self.add_exhibit, 0, Qt.AlignTop)

        self.entry.setStretch(0, 2)
        self.entry.setStretch(2, 2)

        self.grid.addLayout(self.entry, 3, 1, 1, 2)

        self.table_row = QHBoxLayout()
        self.table_row.setObjectName(u"table_row")
        self.exhibit_table = QTableView(respondent_row)
        self.exhibit_table.setObjectName(u"exhibit_table")
        self.exhibit_table.setMaximumSize(QSize(16777215, 110))
        self.exhibit_table.setTabKeyNavigation(False)
        self.exhibit_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.exhibit_table.verticalHeader().setVisible(False)

        self.table_row.addWidget(self.exhibit_table)

        self.remove_exhibit = QPushButton(respondent_row)
        self.remove_exhibit.setObjectName(u"remove_exhibit")

        self.table_row.addWidget(self.remove_exhibit, 0, Qt.AlignTop)

        self.table_row.setStretch(0, 1)

        self.grid.addLayout(self.table_row, 4, 1, 1, 2)

        self.photos_heading = QLabel(respondent_row)
        self.photos_heading.setObjectName(u"photos_heading")

        self.grid.addWidget(self.photos_heading, 5, 0, 1, 1, Qt.AlignTop)

        self.grid.setColumnStretch(1, 1)

        self.layout.addLayout(self.grid)


        self.retranslateUi(respondent_row)

        QMetaObject.connectSlotsByName(respondent_row)
    # setupUi

    def retranslateUi(self, respondent_row):
        self.search_label.setText(QCoreApplication.translate("RespondentRow", u"&Booth or exhibitor:", None))
        self.remove_respondent.setText(QCoreApplication.translate("RespondentRow", u"Remove respondent", None))
        self.choice_label.setText(QCoreApplication.translate("RespondentRow", u"Shared booth, choose:", None))
        self.exhibits_label.setText(QCoreApplication.translate("RespondentRow", u"Accused exhibits:", None))
#if QT_CONFIG(accessibility)
        self.exhibit_model.setAccessibleName(QCoreApplication.translate("RespondentRow", u"Exhibit model", None))
#endif // QT_CONFIG(accessibility)
        self.exhibit_model.setPlaceholderText(QCoreApplication.translate("RespondentRow", u"Model", None))
#if QT_CONFIG(accessibility)
        self.exhibit_quantity.setAccessibleName(QCoreApplication.translate("RespondentRow", u"Exhibit quantity", None))
#endif // QT_CONFIG(accessibility)
        self.exhibit_quantity.setPlaceholderText(QCoreApplication.translate("RespondentRow", u"Qty", None))
#if QT_CONFIG(tooltip)
        self.exhibit_rights.setToolTip(QCoreApplication.translate("RespondentRow", u"The numbers of the rights above this exhibit is accused under, separated by commas. Leave empty when the complaint names one right.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exhibit_rights.setAccessibleName(QCoreApplication.translate("RespondentRow", u"Rights the exhibit is accused under", None))
#endif // QT_CONFIG(accessibility)
        self.exhibit_rights.setPlaceholderText(QCoreApplication.translate("RespondentRow", u"Right no(s)., if several", None))
#if QT_CONFIG(tooltip)
        self.add_exhibit.setToolTip(QCoreApplication.translate("RespondentRow", u"Adds the exhibit to the list (Enter in its fields)", None))
#endif // QT_CONFIG(tooltip)
        self.add_exhibit.setText(QCoreApplication.translate("RespondentRow", u"Add exhibit", None))
#if QT_CONFIG(accessibility)
        self.exhibit_table.setAccessibleName(QCoreApplication.translate("RespondentRow", u"Accused exhibits", None))
#endif // QT_CONFIG(accessibility)
        self.remove_exhibit.setText(QCoreApplication.translate("RespondentRow", u"Remove exhibit", None))
        self.photos_heading.setText(QCoreApplication.translate("RespondentRow", u"Photos:", None))
        pass
    # retranslateUi
