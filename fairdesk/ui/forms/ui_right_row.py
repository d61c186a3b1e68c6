# GENERATED from ui/right_row.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'right_row.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_RightRow(object):
    def setupUi(self, right_row):
        if not right_row.objectName():
            right_row.setObjectName(u"right_row")
        right_row.setFrameShape(QFrame.StyledPanel)
        self.layout = QVBoxLayout(right_row)
        self.layout.setObjectName(u"layout")
        self.right_title_label = QLabel(right_row)
        self.right_title_label.setObjectName(u"right_title_label")

        self.layout.addWidget(self.right_title_label)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.type_label = QLabel(right_row)
        self.type_label.setObjectName(u"type_label")

        self.grid.addWidget(self.type_label, 0, 0, 1, 1)

        self.right_type = QComboBox(right_row)
        self.right_type.setObjectName(u"right_type")

        self.grid.addWidget(self.right_type, 0, 1, 1, 1)

        self.number_label = QLabel(right_row)
        self.number_label.setObjectName(u"number_label")

        self.grid.addWidget(self.number_label, 0, 2, 1, 1)

        self.remove_right = QPushButton(right_row)
        self.remove_right.setObjectName(u"remove_right")
        self.remove_right.setAutoDefault(False)

        self.grid.addWidget(self.remove_right, 0, 4, 1, 1, Qt.AlignTop)

        self.title_text_label = QLabel(right_row)
        self.title_text_label.setObjectName(u"title_text_label")

        self.grid.addWidget(self.title_text_label, 1, 0, 1, 1, Qt.AlignTop)

        self.holder_label = QLabel(right_row)
        self.holder_label.setObjectName(u"holder_label")

        self.grid.addWidget(self.holder_label, 1, 2, 1, 1, Qt.AlignTop)

        self.jurisdiction_label = QLabel(right_row)
        self.jurisdiction_label.setObjectName(u"jurisdiction_label")

        self.grid.addWidget(self.jurisdiction_label, 2, 0, 1, 1, Qt.AlignTop)

        self.dates = QHBoxLayout()
        self.dates.setObjectName(u"dates")
        self.licence_label = QLabel(right_row)
        self.licence_label.setObjectName(u"licence_label")

        self.dates.addWidget(self.licence_label, 0, Qt.AlignTop)

        self.right_licence = QComboBox(right_row)
        self.right_licence.setObjectName(u"right_licence")

        self.dates.addWidget(self.right_licence, 0, Qt.AlignTop)

        self.dates.setStretch(1, 1)

        self.grid.addLayout(self.dates, 2, 1, 1, 4)

        self.basis_label = QLabel(right_row)
        self.basis_label.setObjectName(u"basis_label")

        self.grid.addWidget(self.basis_label, 3, 0, 1, 1, Qt.AlignTop)

        self.basis_line = QHBoxLayout()
        self.basis_line.setObjectName(u"basis_line")
        self.right_basis = QComboBox(right_row)
        self.right_basis.setObjectName(u"right_basis")

        self.basis_line.addWidget(self.right_basis, 0, Qt.AlignTop)

        self.ir_label = QLabel(right_row)
        self.ir_label.setObjectName(u"ir_label")

        self.basis_line.addWidget(self.ir_label, 0, Qt.AlignTop)

        self.basis_line.setStretch(0, 2)

        self.grid.addLayout(self.basis_line, 3, 1, 1, 4)

        self.right_status = QLabel(right_row)
        self.right_status.setObjectName(u"right_status")
        self.right_status.setWordWrap(True)

        self.grid.addWidget(self.right_status, 4, 1, 1, 4)

        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(3, 2)

        self.layout.addLayout(self.grid)


        self.retranslateUi(right_row)

        QMetaObject.connectSlotsByName(right_row)
    # setupUi

    def retranslateUi(self, right_row):
        self.type_label.setText(QCoreApplication.translate("RightRow", u"Type:", None))
#if QT_CONFIG(accessibility)
        self.right_type.setAccessibleName(QCoreApplication.translate("RightRow", u"Type of right", None))
#endif // QT_CONFIG(accessibility)
        self.remove_right.setText(QCoreApplication.translate("RightRow", u"Remove right", None))
        self.holder_label.setText(QCoreApplication.translate("RightRow", u"Holder:", None))
        self.jurisdiction_label.setText(QCoreApplication.translate("RightRow", u"Registered in:", None))
        self.licence_label.setText(QCoreApplication.translate("RightRow", u"Standing:", None))
#if QT_CONFIG(accessibility)
        self.right_licence.setAccessibleName(QCoreApplication.translate("RightRow", u"Complainant's standing (licence)", None))
#endif // QT_CONFIG(accessibility)
        self.basis_label.setText(QCoreApplication.translate("RightRow", u"Protected in China by:", None))
#if QT_CONFIG(accessibility)
        self.right_basis.setAccessibleName(QCoreApplication.translate("RightRow", u"Basis of protection in China", None))
#endif // QT_CONFIG(accessibility)
        self.ir_label.setText(QCoreApplication.translate("RightRow", u"IR no.:", None))
        pass
    # retranslateUi
