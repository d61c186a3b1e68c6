# GENERATED from ui/import_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, import_dialog):
        if not import_dialog.objectName():
            import_dialog.setObjectName(u"import_dialog")
        import_dialog.resize(760, 520)
        self.layout = QVBoxLayout(import_dialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(import_dialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.file_row = QHBoxLayout()
        self.file_row.setObjectName(u"file_row")
        self.file_label = QLabel(import_dialog)
        self.file_label.setObjectName(u"file_label")

        self.file_row.addWidget(self.file_label)

        self.file_edit = QLineEdit(import_dialog)
        self.file_edit.setObjectName(u"file_edit")
        self.file_edit.setClearButtonEnabled(True)

        self.file_row.addWidget(self.file_edit)

        self.browse_button = QPushButton(import_dialog)
        self.browse_button.setObjectName(u"browse_button")

        self.file_row.addWidget(self.browse_button)

        self.import_button = QPushButton(import_dialog)
        self.import_button.setObjectName(u"import_button")

        self.file_row.addWidget(self.import_button)

        self.file_row.setStretch(1, 1)

        self.layout.addLayout(self.file_row)

        self.error_label = QLabel(import_dialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.error_label)

        self.status_label = QLabel(import_dialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.layout.addWidget(self.status_label)

        self.report_group = QGroupBox(import_dialog)
        self.report_group.setObjectName(u"report_group")
        self.report_layout = QVBoxLayout(self.report_group)
        self.report_layout.setObjectName(u"report_layout")
        self.summary_label = QLabel(self.report_group)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setTextFormat(Qt.RichText)
        self.summary_label.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.report_layout.addWidget(self.summary_label)

        self.copy_row = QHBoxLayout()
        self.copy_row.setObjectName(u"copy_row")
        self.copy_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.copy_row.addItem(self.copy_gap)

        self.copy_button = QPushButton(self.report_group)
        self.copy_button.setObjectName(u"copy_button")
        self.copy_button.setEnabled(False)

        self.copy_row.addWidget(self.copy_button)

        self.copy_row.setStretch(0, 1)

        self.report_layout.addLayout(self.copy_row)


        self.layout.addWidget(self.report_group)

        self.bottom_gap = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout.addItem(self.bottom_gap)

        self.button_box = QDialogButtonBox(import_dialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.button_box)

        self.layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.file_label.setBuddy(self.file_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(import_dialog)

        self.import_button.setDefault(True)


        QMetaObject.connectSlotsByName(import_dialog)
    # setupUi

    def retranslateUi(self, import_dialog):
        self.file_label.setText(QCoreApplication.translate("ImportDialog", u"&File:", None))
        self.file_edit.setPlaceholderText(QCoreApplication.translate("ImportDialog", u"Path of the .xlsx or .csv file", None))
        self.browse_button.setText(QCoreApplication.translate("ImportDialog", u"&Choose\u2026", None))
        self.import_button.setText(QCoreApplication.translate("ImportDialog", u"&Import", None))
        self.report_group.setTitle(QCoreApplication.translate("ImportDialog", u"Report", None))
        self.copy_button.setText(QCoreApplication.translate("ImportDialog", u"C&opy rejected rows", None))
        pass
    # retranslateUi
