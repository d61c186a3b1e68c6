# GENERATED from ui/fair_dialog.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'fair_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_FairDialog(object):
    def setupUi(self, FairDialog):
        if not FairDialog.objectName():
            FairDialog.setObjectName(u"FairDialog")
        FairDialog.resize(620, 680)
        FairDialog.setSizeGripEnabled(True)
        self.main_layout = QVBoxLayout(FairDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.edition_group = QGroupBox(FairDialog)
        self.edition_group.setObjectName(u"edition_group")
        self.edition_form = QFormLayout(self.edition_group)
        self.edition_form.setObjectName(u"edition_form")
        self.edition_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.code_label = QLabel(self.edition_group)
        self.code_label.setObjectName(u"code_label")

        self.edition_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.code_label)

        self.code_edit = QLineEdit(self.edition_group)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setMaxLength(32)

        self.edition_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.code_edit)

        self.code_error = QLabel(self.edition_group)
        self.code_error.setObjectName(u"code_error")
        self.code_error.setWordWrap(True)

        self.edition_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.code_error)

        self.name_label = QLabel(self.edition_group)
        self.name_label.setObjectName(u"name_label")

        self.edition_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.edition_group)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(300)

        self.edition_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.name_error = QLabel(self.edition_group)
        self.name_error.setObjectName(u"name_error")
        self.name_error.setWordWrap(True)

        self.edition_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.name_error)

        self.name_en_label = QLabel(self.edition_group)
        self.name_en_label.setObjectName(u"name_en_label")

        self.edition_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.name_en_label)

        self.name_en_edit = QLineEdit(self.edition_group)
        self.name_en_edit.setObjectName(u"name_en_edit")
        self.name_en_edit.setMaxLength(300)

        self.edition_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.name_en_edit)

        self.name_en_error = QLabel(self.edition_group)
        self.name_en_error.setObjectName(u"name_en_error")
        self.name_en_error.setWordWrap(True)

        self.edition_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.name_en_error)

        self.venue_label = QLabel(self.edition_group)
        self.venue_label.setObjectName(u"venue_label")

        self.edition_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue_edit = QLineEdit(self.edition_group)
        self.venue_edit.setObjectName(u"venue_edit")
        self.venue_edit.setMaxLength(300)

        self.edition_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.venue_edit)

        self.venue_error = QLabel(self.edition_group)
        self.venue_error.setObjectName(u"venue_error")
        self.venue_error.setWordWrap(True)

        self.edition_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.venue_error)

        self.center_address_label = QLabel(self.edition_group)
        self.center_address_label.setObjectName(u"center_address_label")

        self.edition_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.center_address_label)

        self.center_address_edit = QLineEdit(self.edition_group)
        self.center_address_edit.setObjectName(u"center_address_edit")
        self.center_address_edit.setMaxLength(300)

        self.edition_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.center_address_edit)

        self.center_address_error = QLabel(self.edition_group)
        self.center_address_error.setObjectName(u"center_address_error")
        self.center_address_error.setWordWrap(True)

        self.edition_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.center_address_error)

        self.center_phone_label = QLabel(self.edition_group)
        self.center_phone_label.setObjectName(u"center_phone_label")

        self.edition_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.center_phone_label)

        self.center_phone_edit = QLineEdit(self.edition_group)
        self.center_phone_edit.setObjectName(u"center_phone_edit")
        self.center_phone_edit.setMaxLength(100)

        self.edition_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.center_phone_edit)

        self.center_phone_error = QLabel(self.edition_group)
        self.center_phone_error.setObjectName(u"center_phone_error")
        self.center_phone_error.setWordWrap(True)

        self.edition_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.center_phone_error)

        self.dates_label = QLabel(self.edition_group)
        self.dates_label.setObjectName(u"dates_label")

        self.edition_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.dates_row = QHBoxLayout()
        self.dates_row.setObjectName(u"dates_row")
        self.start_date_edit = QDateEdit(self.edition_group)
        self.start_date_edit.setObjectName(u"start_date_edit")
        self.start_date_edit.setCalendarPopup(True)

        self.dates_row.addWidget(self.start_date_edit)

        self.dates_to_label = QLabel(self.edition_group)
        self.dates_to_label.setObjectName(u"dates_to_label")

        self.dates_row.addWidget(self.dates_to_label)

        self.end_date_edit = QDateEdit(self.edition_group)
        self.end_date_edit.setObjectName(u"end_date_edit")
        self.end_date_edit.setCalendarPopup(True)

        self.dates_row.addWidget(self.end_date_edit)

        self.dates_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dates_row.addItem(self.dates_spacer)


        self.edition_form.setLayout(12, QFormLayout.ItemRole.FieldRole, self.dates_row)

        self.dates_error = QLabel(self.edition_group)
        self.dates_error.setObjectName(u"dates_error")
        self.dates_error.setWordWrap(True)

        self.edition_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.dates_error)

        self.hours_label = QLabel(self.edition_group)
        self.hours_label.setObjectName(u"hours_label")

        self.edition_form.setWidget(14, QFormLayout.ItemRole.LabelRole, self.hours_label)

        self.hours_row = QHBoxLayout()
        self.hours_row.setObjectName(u"hours_row")
        self.opening_time_edit = QTimeEdit(self.edition_group)
        self.opening_time_edit.setObjectName(u"opening_time_edit")

        self.hours_row.addWidget(self.opening_time_edit)

        self.hours_to_label = QLabel(self.edition_group)
        self.hours_to_label.setObjectName(u"hours_to_label")

        self.hours_row.addWidget(self.hours_to_label)

        self.closing_time_edit = QTimeEdit(self.edition_group)
        self.closing_time_edit.setObjectName(u"closing_time_edit")

        self.hours_row.addWidget(self.closing_time_edit)

        self.hours_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.hours_row.addItem(self.hours_spacer)


        self.edition_form.setLayout(14, QFormLayout.ItemRole.FieldRole, self.hours_row)

        self.hours_error = QLabel(self.edition_group)
        self.hours_error.setObjectName(u"hours_error")
        self.hours_error.setWordWrap(True)

        self.edition_form.setWidget(15, QFormLayout.ItemRole.FieldRole, self.hours_error)

        self.day_hours_label = QLabel(self.edition_group)
        self.day_hours_label.setObjectName(u"day_hours_label")

        self.edition_form.setWidget(16, QFormLayout.ItemRole.LabelRole, self.day_hours_label)

        self.day_hours_edit = QPlainTextEdit(self.edition_group)
        self.day_hours_edit.setObjectName(u"day_hours_edit")
        self.day_hours_edit.setTabChangesFocus(True)
        self.day_hours_edit.setMaximumSize(QSize(16777215, 72))

        self.edition_form.setWidget(16, QFormLayout.ItemRole.FieldRole, self.day_hours_edit)

        self.day_hours_error = QLabel(self.edition_group)
        self.day_hours_error.setObjectName(u"day_hours_error")
        self.day_hours_error.setWordWrap(True)

        self.edition_form.setWidget(17, QFormLayout.ItemRole.FieldRole, self.day_hours_error)

        self.timezone_label = QLabel(self.edition_group)
        self.timezone_label.setObjectName(u"timezone_label")

        self.edition_form.setWidget(18, QFormLayout.ItemRole.LabelRole, self.timezone_label)

        self.timezone_combo = QComboBox(self.edition_group)
        self.timezone_combo.setObjectName(u"timezone_combo")
        self.timezone_combo.setEditable(True)
        self.timezone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.edition_form.setWidget(18, QFormLayout.ItemRole.FieldRole, self.timezone_combo)

        self.timezone_error = QLabel(self.edition_group)
        self.timezone_error.setObjectName(u"timezone_error")
        self.timezone_error.setWordWrap(True)

        self.edition_form.setWidget(19, QFormLayout.ItemRole.FieldRole, self.timezone_error)

        self.halls_label = QLabel(self.edition_group)
        self.halls_label.setObjectName(u"halls_label")

        self.edition_form.setWidget(20, QFormLayout.ItemRole.LabelRole, self.halls_label)

        self.halls_edit = QLineEdit(self.edition_group)
        self.halls_edit.setObjectName(u"halls_edit")

        self.edition_form.setWidget(20, QFormLayout.ItemRole.FieldRole, self.halls_edit)


        self.main_layout.addWidget(self.edition_group)

        self.rules_group = QGroupBox(FairDialog)
        self.rules_group.setObjectName(u"rules_group")
        self.rules_form = QFormLayout(self.rules_group)
        self.rules_form.setObjectName(u"rules_form")
        self.rules_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.preset_label = QLabel(self.rules_group)
        self.preset_label.setObjectName(u"preset_label")

        self.rules_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.preset_label)

        self.preset_combo = QComboBox(self.rules_group)
        self.preset_combo.setObjectName(u"preset_combo")

        self.rules_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.preset_combo)

        self.defence_label = QLabel(self.rules_group)
        self.defence_label.setObjectName(u"defence_label")

        self.rules_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.defence_label)

        self.defence_spin = QDoubleSpinBox(self.rules_group)
        self.defence_spin.setObjectName(u"defence_spin")
        self.defence_spin.setDecimals(1)
        self.defence_spin.setMinimum(0.500000000000000)
        self.defence_spin.setMaximum(720.000000000000000)
        self.defence_spin.setSingleStep(1.000000000000000)

        self.rules_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.defence_spin)

        self.transfer_label = QLabel(self.rules_group)
        self.transfer_label.setObjectName(u"transfer_label")

        self.rules_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.transfer_label)

        self.transfer_spin = QDoubleSpinBox(self.rules_group)
        self.transfer_spin.setObjectName(u"transfer_spin")
        self.transfer_spin.setDecimals(1)
        self.transfer_spin.setMinimum(0.500000000000000)
        self.transfer_spin.setMaximum(720.000000000000000)
        self.transfer_spin.setSingleStep(1.000000000000000)

        self.rules_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.transfer_spin)

        self.supplement_label = QLabel(self.rules_group)
        self.supplement_label.setObjectName(u"supplement_label")

        self.rules_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.supplement_label)

        self.supplement_spin = QDoubleSpinBox(self.rules_group)
        self.supplement_spin.setObjectName(u"supplement_spin")
        self.supplement_spin.setDecimals(1)
        self.supplement_spin.setMinimum(0.500000000000000)
        self.supplement_spin.setMaximum(720.000000000000000)
        self.supplement_spin.setSingleStep(1.000000000000000)

        self.rules_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.supplement_spin)

        self.recheck_label = QLabel(self.rules_group)
        self.recheck_label.setObjectName(u"recheck_label")

        self.rules_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.recheck_label)

        self.recheck_spin = QDoubleSpinBox(self.rules_group)
        self.recheck_spin.setObjectName(u"recheck_spin")
        self.recheck_spin.setDecimals(1)
        self.recheck_spin.setMinimum(0.500000000000000)
        self.recheck_spin.setMaximum(720.000000000000000)
        self.recheck_spin.setSingleStep(0.500000000000000)

        self.rules_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.recheck_spin)

        self.opening_hours_only_check = QCheckBox(self.rules_group)
        self.opening_hours_only_check.setObjectName(u"opening_hours_only_check")

        self.rules_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.opening_hours_only_check)

        self.rules_error = QLabel(self.rules_group)
        self.rules_error.setObjectName(u"rules_error")
        self.rules_error.setWordWrap(True)

        self.rules_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.rules_error)


        self.main_layout.addWidget(self.rules_group)

        self.reason_box = QWidget(FairDialog)
        self.reason_box.setObjectName(u"reason_box")
        self.reason_layout = QVBoxLayout(self.reason_box)
        self.reason_layout.setObjectName(u"reason_layout")
        self.reason_layout.setContentsMargins(0, 0, 0, 0)
        self.reason_label = QLabel(self.reason_box)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)

        self.reason_layout.addWidget(self.reason_label)

        self.reason_edit = QLineEdit(self.reason_box)
        self.reason_edit.setObjectName(u"reason_edit")

        self.reason_layout.addWidget(self.reason_edit)

        self.reason_error = QLabel(self.reason_box)
        self.reason_error.setObjectName(u"reason_error")
        self.reason_error.setWordWrap(True)

        self.reason_layout.addWidget(self.reason_error)


        self.main_layout.addWidget(self.reason_box)

        self.error_label = QLabel(FairDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.button_box = QDialogButtonBox(FairDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.code_label.setBuddy(self.code_edit)
        self.name_label.setBuddy(self.name_edit)
        self.name_en_label.setBuddy(self.name_en_edit)
        self.venue_label.setBuddy(self.venue_edit)
        self.center_address_label.setBuddy(self.center_address_edit)
        self.center_phone_label.setBuddy(self.center_phone_edit)
        self.dates_label.setBuddy(self.start_date_edit)
        self.hours_label.setBuddy(self.opening_time_edit)
        self.day_hours_label.setBuddy(self.day_hours_edit)
        self.timezone_label.setBuddy(self.timezone_combo)
        self.halls_label.setBuddy(self.halls_edit)
        self.preset_label.setBuddy(self.preset_combo)
        self.defence_label.setBuddy(self.defence_spin)
        self.transfer_label.setBuddy(self.transfer_spin)
        self.supplement_label.setBuddy(self.supplement_spin)
        self.recheck_label.setBuddy(self.recheck_spin)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.code_edit, self.name_edit)
        QWidget.setTabOrder(self.name_edit, self.name_en_edit)
        QWidget.setTabOrder(self.name_en_edit, self.venue_edit)
        QWidget.setTabOrder(self.venue_edit, self.center_address_edit)
        QWidget.setTabOrder(self.center_address_edit, self.center_phone_edit)
        QWidget.setTabOrder(self.center_phone_edit, self.start_date_edit)
        QWidget.setTabOrder(self.start_date_edit, self.end_date_edit)
        QWidget.setTabOrder(self.end_date_edit, self.opening_time_edit)
        QWidget.setTabOrder(self.opening_time_edit, self.closing_time_edit)
        QWidget.setTabOrder(self.closing_time_edit, self.day_hours_edit)
        QWidget.setTabOrder(self.day_hours_edit, self.timezone_combo)
        QWidget.setTabOrder(self.timezone_combo, self.halls_edit)
        QWidget.setTabOrder(self.halls_edit, self.preset_combo)
        QWidget.setTabOrder(self.preset_combo, self.defence_spin)
        QWidget.setTabOrder(self.defence_spin, self.transfer_spin)
        QWidget.setTabOrder(self.transfer_spin, self.supplement_spin)
        QWidget.setTabOrder(self.supplement_spin, self.recheck_spin)
        QWidget.setTabOrder(self.recheck_spin, self.opening_hours_only_check)
        QWidget.setTabOrder(self.opening_hours_only_check, self.reason_edit)

        self.retranslateUi(FairDialog)
        self.button_box.accepted.connect(FairDialog.accept)
        self.button_box.rejected.connect(FairDialog.reject)

        QMetaObject.connectSlotsByName(FairDialog)
    # setupUi

    def retranslateUi(self, FairDialog):
        FairDialog.setWindowTitle(QCoreApplication.translate("FairDialog", u"Fair set-up", None))
        self.edition_group.setTitle(QCoreApplication.translate("FairDialog", u"Edition", None))
        self.code_label.setText(QCoreApplication.translate("FairDialog", u"&Code:", None))
        self.code_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"e.g. CIIE2026", None))
        self.name_label.setText(QCoreApplication.translate("FairDialog", u"&Name (Chinese):", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"e.g. \u7b2c\u4e5d\u5c4a\u4e2d\u56fd\u56fd\u9645\u8fdb\u53e3\u535a\u89c8\u4f1a", None))
        self.name_en_label.setText(QCoreApplication.translate("FairDialog", u"&English name:", None))
        self.name_en_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"e.g. 9th China International Import Expo", None))
        self.venue_label.setText(QCoreApplication.translate("FairDialog", u"&Venue:", None))
        self.center_address_label.setText(QCoreApplication.translate("FairDialog", u"Serv&ice center's address:", None))
        self.center_address_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"printed on every document, e.g. \u56fd\u5bb6\u4f1a\u5c55\u4e2d\u5fc3\uff08\u4e0a\u6d77\uff09\u7efc\u5408\u4f53 B0 \u5c42", None))
        self.center_phone_label.setText(QCoreApplication.translate("FairDialog", u"Service center's te&lephone:", None))
        self.center_phone_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"e.g. +86 21 6700 0000", None))
        self.dates_label.setText(QCoreApplication.translate("FairDialog", u"&Dates:", None))
#if QT_CONFIG(accessibility)
        self.start_date_edit.setAccessibleName(QCoreApplication.translate("FairDialog", u"First day", None))
#endif // QT_CONFIG(accessibility)
        self.start_date_edit.setDisplayFormat(QCoreApplication.translate("FairDialog", u"yyyy-MM-dd", None))
        self.dates_to_label.setText(QCoreApplication.translate("FairDialog", u"to", None))
#if QT_CONFIG(accessibility)
        self.end_date_edit.setAccessibleName(QCoreApplication.translate("FairDialog", u"Last day", None))
#endif // QT_CONFIG(accessibility)
        self.end_date_edit.setDisplayFormat(QCoreApplication.translate("FairDialog", u"yyyy-MM-dd", None))
        self.hours_label.setText(QCoreApplication.translate("FairDialog", u"Daily &hours:", None))
#if QT_CONFIG(accessibility)
        self.opening_time_edit.setAccessibleName(QCoreApplication.translate("FairDialog", u"Opening time", None))
#endif // QT_CONFIG(accessibility)
        self.opening_time_edit.setDisplayFormat(QCoreApplication.translate("FairDialog", u"HH:mm", None))
        self.hours_to_label.setText(QCoreApplication.translate("FairDialog", u"to", None))
#if QT_CONFIG(accessibility)
        self.closing_time_edit.setAccessibleName(QCoreApplication.translate("FairDialog", u"Closing time", None))
#endif // QT_CONFIG(accessibility)
        self.closing_time_edit.setDisplayFormat(QCoreApplication.translate("FairDialog", u"HH:mm", None))
        self.day_hours_label.setText(QCoreApplication.translate("FairDialog", u"Days &with other hours:", None))
        self.day_hours_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"one day a line, e.g. 2026-11-05 13:00-17:00 (opening day), 2026-11-10 09:00-15:00 (last day), or a day and \"closed\"", None))
        self.timezone_label.setText(QCoreApplication.translate("FairDialog", u"&Time zone:", None))
        self.halls_label.setText(QCoreApplication.translate("FairDialog", u"H&alls:", None))
        self.halls_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"comma-separated, e.g. 4.1, 4.2, 5.1", None))
        self.rules_group.setTitle(QCoreApplication.translate("FairDialog", u"Rule set (deadlines)", None))
        self.preset_label.setText(QCoreApplication.translate("FairDialog", u"&Preset:", None))
        self.defence_label.setText(QCoreApplication.translate("FairDialog", u"De&fence period:", None))
        self.defence_spin.setSuffix(QCoreApplication.translate("FairDialog", u" h", None))
        self.transfer_label.setText(QCoreApplication.translate("FairDialog", u"T&ransfer to the IP office:", None))
        self.transfer_spin.setSuffix(QCoreApplication.translate("FairDialog", u" h", None))
        self.supplement_label.setText(QCoreApplication.translate("FairDialog", u"&Supplementing materials:", None))
        self.supplement_spin.setSuffix(QCoreApplication.translate("FairDialog", u" h", None))
        self.recheck_label.setText(QCoreApplication.translate("FairDialog", u"Re-chec&k after a measure:", None))
        self.recheck_spin.setSuffix(QCoreApplication.translate("FairDialog", u" h", None))
        self.opening_hours_only_check.setText(QCoreApplication.translate("FairDialog", u"Deadlines count &only while the fair is open", None))
        self.reason_label.setText(QCoreApplication.translate("FairDialog", u"Reason for the change:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("FairDialog", u"kept in the audit trail", None))
    # retranslateUi
