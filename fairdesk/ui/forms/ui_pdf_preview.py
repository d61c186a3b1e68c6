# GENERATED from ui/pdf_preview.ui by scripts/build_forms.py (pyside6-uic): do not edit.
# Change the form in Qt Designer, then run: python scripts/build_forms.py
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pdf_preview.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QScrollArea, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget)

class Ui_PdfPreview(object):
    def setupUi(self, pdf_preview):
        if not pdf_preview.objectName():
            pdf_preview.setObjectName(u"pdf_preview")
        self.layout = QVBoxLayout(pdf_preview)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.pages_label = QLabel(pdf_preview)
        self.pages_label.setObjectName(u"pages_label")
        self.pages_label.setTextFormat(Qt.PlainText)

        self.bar.addWidget(self.pages_label)

        self.zoom_out_button = QToolButton(pdf_preview)
        self.zoom_out_button.setObjectName(u"zoom_out_button")
        self.zoom_out_button.setText(u"\u2212")
        self.zoom_out_button.setAutoRaise(True)

        self.bar.addWidget(self.zoom_out_button)

        self.zoom_label = QLabel(pdf_preview)
        self.zoom_label.setObjectName(u"zoom_label")
        self.zoom_label.setMinimumSize(QSize(52, 0))
        self.zoom_label.setAlignment(Qt.AlignCenter)

        self.bar.addWidget(self.zoom_label)

        self.zoom_in_button = QToolButton(pdf_preview)
        self.zoom_in_button.setObjectName(u"zoom_in_button")
        self.zoom_in_button.setText(u"+")
        self.zoom_in_button.setAutoRaise(True)

        self.bar.addWidget(self.zoom_in_button)

        self.actual_size_button = QToolButton(pdf_preview)
        self.actual_size_button.setObjectName(u"actual_size_button")
        self.actual_size_button.setText(u"100 %")
        self.actual_size_button.setAutoRaise(True)

        self.bar.addWidget(self.actual_size_button)

        self.fit_width_button = QToolButton(pdf_preview)
        self.fit_width_button.setObjectName(u"fit_width_button")
        self.fit_width_button.setCheckable(True)
        self.fit_width_button.setChecked(True)
        self.fit_width_button.setAutoRaise(True)

        self.bar.addWidget(self.fit_width_button)

        self.bar.setStretch(0, 1)

        self.layout.addLayout(self.bar)

        self.preview_scroll = QScrollArea(pdf_preview)
        self.preview_scroll.setObjectName(u"preview_scroll")
        self.preview_scroll.setFocusPolicy(Qt.StrongFocus)
        self.preview_scroll.setStyleSheet(u"#preview_pages { background: #7a7f86; }")
        self.preview_scroll.setFrameShape(QFrame.StyledPanel)
        self.preview_scroll.setWidgetResizable(True)
        self.preview_pages = QWidget()
        self.preview_pages.setObjectName(u"preview_pages")
        self.pages_layout = QVBoxLayout(self.preview_pages)
        self.pages_layout.setObjectName(u"pages_layout")
        self.preview_message = QLabel(self.preview_pages)
        self.preview_message.setObjectName(u"preview_message")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.preview_message.sizePolicy().hasHeightForWidth())
        self.preview_message.setSizePolicy(sizePolicy)
        self.preview_message.setStyleSheet(u"color: #333; padding: 24px;")
        self.preview_message.setTextFormat(Qt.PlainText)
        self.preview_message.setAlignment(Qt.AlignCenter)
        self.preview_message.setWordWrap(True)

        self.pages_layout.addWidget(self.preview_message)

        self.preview_scroll.setWidget(self.preview_pages)

        self.layout.addWidget(self.preview_scroll)

        self.layout.setStretch(1, 1)

        self.retranslateUi(pdf_preview)

        QMetaObject.connectSlotsByName(pdf_preview)
    # setupUi

    def retranslateUi(self, pdf_preview):
#if QT_CONFIG(tooltip)
        self.zoom_out_button.setToolTip(QCoreApplication.translate("PdfPreview", u"Zoom out (Ctrl+-)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoom_out_button.setAccessibleName(QCoreApplication.translate("PdfPreview", u"Zoom out (Ctrl+-)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.zoom_in_button.setToolTip(QCoreApplication.translate("PdfPreview", u"Zoom in (Ctrl++)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.zoom_in_button.setAccessibleName(QCoreApplication.translate("PdfPreview", u"Zoom in (Ctrl++)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.actual_size_button.setToolTip(QCoreApplication.translate("PdfPreview", u"As large as on paper", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.actual_size_button.setAccessibleName(QCoreApplication.translate("PdfPreview", u"As large as on paper", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.fit_width_button.setToolTip(QCoreApplication.translate("PdfPreview", u"Fit the page width (Ctrl+0)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.fit_width_button.setAccessibleName(QCoreApplication.translate("PdfPreview", u"Fit the page width (Ctrl+0)", None))
#endif // QT_CONFIG(accessibility)
        self.fit_width_button.setText(QCoreApplication.translate("PdfPreview", u"Fit width", None))
#if QT_CONFIG(accessibility)
        self.preview_scroll.setAccessibleName(QCoreApplication.translate("PdfPreview", u"Document preview", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi
