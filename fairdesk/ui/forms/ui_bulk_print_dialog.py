# GENERATED from ui/bulk_print_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bulk_print_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QButtonGroup,
    QComboBox, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_BulkPrintDialog(object):
    def setupUi(self, bulk_print_dialog):
        if not bulk_print_dialog.objectName():
            bulk_print_dialog.setObjectName(u"bulk_print_dialog")
        bulk_print_dialog.resize(860, 620)
        bulk_print_dialog.setSizeGripEnabled(True)
        self.layout = QVBoxLayout(bulk_print_dialog)
        self.layout.setObjectName(u"layout")
        self.bulk_heading = QLabel(bulk_print_dialog)
        self.bulk_heading.setObjectName(u"bulk_heading")

        self.layout.addWidget(self.bulk_heading)

        self.bulk_cases = QLabel(bulk_print_dialog)
        self.bulk_cases.setObjectName(u"bulk_cases")
        self.bulk_cases.setTextFormat(Qt.PlainText)
        self.bulk_cases.setWordWrap(True)

        self.layout.addWidget(self.bulk_cases)

        self.bulk_read_only = QLabel(bulk_print_dialog)
        self.bulk_read_only.setObjectName(u"bulk_read_only")
        self.bulk_read_only.setStyleSheet(u"background: #e8f0fe; border: 1px solid #1a56b0; padding: 6px;")
        self.bulk_read_only.setWordWrap(True)

        self.layout.addWidget(self.bulk_read_only)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        self.kind_label = QLabel(bulk_print_dialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.bulk_kind_combo = QComboBox(bulk_print_dialog)
        self.bulk_kind_combo.setObjectName(u"bulk_kind_combo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.bulk_kind_combo)

        self.copy_label = QLabel(bulk_print_dialog)
        self.copy_label.setObjectName(u"copy_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.copy_label)

        self.bulk_copy_combo = QComboBox(bulk_print_dialog)
        self.bulk_copy_combo.setObjectName(u"bulk_copy_combo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.bulk_copy_combo)


        self.layout.addLayout(self.form)

        self.bulk_when = QLabel(bulk_print_dialog)
        self.bulk_when.setObjectName(u"bulk_when")
        self.bulk_when.setEnabled(False)
        self.bulk_when.setWordWrap(True)

        self.layout.addWidget(self.bulk_when)

        self.print_radio = QRadioButton(bulk_print_dialog)
        self.output_group = QButtonGroup(bulk_print_dialog)
        self.output_group.setObjectName(u"output_group")
        self.output_group.addButton(self.print_radio)
        self.print_radio.setObjectName(u"print_radio")
        self.print_radio.setChecked(True)

        self.layout.addWidget(self.print_radio)

        self.save_radio = QRadioButton(bulk_print_dialog)
        self.output_group.addButton(self.save_radio)
        self.save_radio.setObjectName(u"save_radio")

        self.layout.addWidget(self.save_radio)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_indent = QSpacerItem(24, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.folder_row.addItem(self.folder_indent)

        self.folder_edit = QLineEdit(bulk_print_dialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(bulk_print_dialog)
        self.browse_button.setObjectName(u"browse_button")
        self.browse_button.setAutoDefault(False)

        self.folder_row.addWidget(self.browse_button)

        self.folder_row.setStretch(1, 1)

        self.layout.addLayout(self.folder_row)

        self.bulk_note = QLabel(bulk_print_dialog)
        self.bulk_note.setObjectName(u"bulk_note")
        self.bulk_note.setWordWrap(True)

        self.layout.addWidget(self.bulk_note)

        self.bulk_status = QLabel(bulk_print_dialog)
        self.bulk_status.setObjectName(u"bulk_status")
        self.bulk_status.setTextFormat(Qt.PlainText)
        self.bulk_status.setWordWrap(True)
        self.bulk_status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.layout.addWidget(self.bulk_status)

        self.report_table = QTableWidget(bulk_print_dialog)
        if (self.report_table.columnCount() < 3):
            self.report_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.report_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.report_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.report_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.report_table.setObjectName(u"report_table")
        self.report_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.report_table.setWordWrap(True)
        self.report_table.horizontalHeader().setStretchLastSection(True)
        self.report_table.verticalHeader().setVisible(False)

        self.layout.addWidget(self.report_table)

        self.buttons = QDialogButtonBox(bulk_print_dialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Close)

        self.layout.addWidget(self.buttons)

        self.layout.setStretch(10, 1)
#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.bulk_kind_combo)
        self.copy_label.setBuddy(self.bulk_copy_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(bulk_print_dialog)

        QMetaObject.connectSlotsByName(bulk_print_dialog)
    # setupUi

    def retranslateUi(self, bulk_print_dialog):
        bulk_print_dialog.setWindowTitle(QCoreApplication.translate("BulkPrintDialog", u"Print documents for several cases \u00b7 \u6279\u91cf\u6253\u5370", None))
        self.kind_label.setText(QCoreApplication.translate("BulkPrintDialog", u"&Document:", None))
        self.copy_label.setText(QCoreApplication.translate("BulkPrintDialog", u"C&opy:", None))
        self.print_radio.setText(QCoreApplication.translate("BulkPrintDialog", u"&Print (the print dialog comes next)", None))
        self.save_radio.setText(QCoreApplication.translate("BulkPrintDialog", u"Sa&ve as PDF files, one a document, into:", None))
#if QT_CONFIG(accessibility)
        self.folder_edit.setAccessibleName(QCoreApplication.translate("BulkPrintDialog", u"Folder", None))
#endif // QT_CONFIG(accessibility)
        self.browse_button.setText(QCoreApplication.translate("BulkPrintDialog", u"&Browse\u2026", None))
        self.bulk_note.setText(QCoreApplication.translate("BulkPrintDialog", u"A new numbered, signed document is issued and registered for every case where this kind applies now; the others are skipped and listed below with the reason.", None))
        ___qtablewidgetitem = self.report_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("BulkPrintDialog", u"Case", None))
        ___qtablewidgetitem1 = self.report_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("BulkPrintDialog", u"Result", None))
        ___qtablewidgetitem2 = self.report_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("BulkPrintDialog", u"Document, or why not", None))
    # retranslateUi
