<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Chinese text</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Apache License 2.0</source>
        <translation>Apache 许可证 2.0 版</translation>
    </message>
    <message>
        <source>Latin letters with accents, Greek, Cyrillic, numbers</source>
        <translation>带重音符号的拉丁字母、希腊字母、西里尔字母和数字</translation>
    </message>
    <message>
        <source>Bitstream Vera licence, changes in the public domain</source>
        <translation>Bitstream Vera 许可证，修改部分属于公有领域</translation>
    </message>
    <message>
        <source>Thai</source>
        <translation>泰文</translation>
    </message>
    <message>
        <source>GPL 2 or later with the font exception (a document is not put under the GPL)</source>
        <translation>GPL 第 2 版或更高版本，附字体例外条款（文书本身不因嵌入字体而受 GPL 约束）</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>韩文</translation>
    </message>
    <message>
        <source>SIL Open Font License 1.1</source>
        <translation>SIL 开放字体许可证 1.1 版</translation>
    </message>
    <message>
        <source>&lt;h2&gt;FairDesk {0}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;FairDesk {0}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>- **{0}**: {1}; {2}</source>
        <translation>- **{0}**：{1}；{2}</translation>
    </message>
    <message>
        <source>Printed documents embed a part of these fonts, so a PDF looks the same on every computer and its Chinese text can be copied and searched. Each licence allows this and allows shipping the fonts with FairDesk.</source>
        <translation>打印的文书嵌入以下字体的所需部分，因此 PDF 在任何电脑上显示一致，其中的中文可以复制和搜索。各字体的许可证均允许这样嵌入，并允许随本软件一同分发。</translation>
    </message>
    <message>
        <source>Fonts</source>
        <translation>字体</translation>
    </message>
    <message>
        <source>Licence texts</source>
        <translation>许可证全文</translation>
    </message>
    <message>
        <source>{found}: NOT the root key pinned for this installation ({pin}). Compare with the fingerprint on the service center's genuine documents.</source>
        <translation>{found}：与本机固定的根密钥（{pin}）不符。请与服务中心真实文书上印制的指纹核对。</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>none yet (made with the first administrator's password)</source>
        <translation>尚无（由第一位管理员的密码生成）</translation>
    </message>
    <message>
        <source>About FairDesk</source>
        <translation>关于 FairDesk</translation>
    </message>
    <message>
        <source>The on-site IP complaint desk of a trade fair: intake, deadlines, decisions, patrols and follow-up.</source>
        <translation>展会现场知识产权投诉工作台：受理、期限、处理决定、巡查与展后追查。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Root key:</source>
        <translation>根密钥：</translation>
    </message>
    <message>
        <source>Running on:</source>
        <translation>运行环境：</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Step 1 of 4: the account that sets up fairs and users.</source>
        <translation>第 1 步（共 4 步）：设置展会和用户的账户。</translation>
    </message>
    <message>
        <source>The administrator of this service center sets up fairs and adds the desk, inspector and organizer accounts (Tools &gt; Users, or fairdesk user add). Keep its password safe: it also unlocks the key that signs the documents.</source>
        <translation>本服务中心的管理员设置展会，并添加受理人员、巡查人员和主办方的账户（工具 &gt; 用户，或 fairdesk user add）。请妥善保管其密码：它也用于解锁签署文书的密钥。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>A&amp;gain:</source>
        <translation>再次输入(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>创建账户(&amp;C)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>FairDesk hit an unexpected problem: {0}

What you saved is safe. The details are in {1}; please send that file to your administrator.</source>
        <translation>FairDesk 遇到意外问题：{0}

已保存的内容是安全的。详细信息记录在 {1}，请将该文件发送给管理员。</translation>
    </message>
    <message>
        <source>Automatic backup failed: {0}</source>
        <translation>自动备份失败：{0}</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>show program's version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>以下参数是必需的：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>须给出以下参数之一：%s</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项有歧义：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>须跟一个值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多跟一个值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少跟一个值</translation>
    </message>
    <message>
        <source>expected %s argument</source>
        <translation>须跟 %s 个值</translation>
    </message>
    <message>
        <source>expected %s arguments</source>
        <translation>须跟 %s 个值</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>已忽略多余的值 %r</translation>
    </message>
    <message>
        <source>unknown parser %(parser_name)r (choices: %(choices)s)</source>
        <translation>未知的命令 %(parser_name)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>can't open '%(filename)s': %(error)s</source>
        <translation>无法打开“%(filename)s”：%(error)s</translation>
    </message>
</context>
<context>
    <name>BulkPrintDialog</name>
    <message>
        <source>Signed in as {0}: only desk staff issue documents. Open a case's documents to reprint what was already issued.</source>
        <translation>当前登录用户为 {0}：只有受理人员可以签发文书。如需重印已签发的文书，请打开案件的文书列表。</translation>
    </message>
    <message>
        <source>&amp;Issue and print</source>
        <translation>签发并打印(&amp;I)</translation>
    </message>
    <message>
        <source>{0} case(s) selected · 已选 {0} 件</source>
        <translation>已选 {0} 件</translation>
    </message>
    <message>
        <source>Applies {0}.</source>
        <translation>适用于{0}。</translation>
    </message>
    <message>
        <source>Both copies (two documents a case) · 双方各一份</source>
        <translation>双方各一份（每件案件两份文书）</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Applies {0} (a {1} document).</source>
        <translation>适用于{0}（{1}级文书）。</translation>
    </message>
    <message>
        <source>&amp;Issue and save</source>
        <translation>签发并保存(&amp;I)</translation>
    </message>
    <message>
        <source>Save the documents into</source>
        <translation>文书保存位置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling after the case in hand… (documents issued stay issued)</source>
        <translation>处理完当前案件后取消…（已签发的文书仍然有效）</translation>
    </message>
    <message>
        <source>Choose the folder to save the documents into.</source>
        <translation>请选择保存文书的文件夹。</translation>
    </message>
    <message>
        <source>The folder {0} cannot be used: {1}</source>
        <translation>无法使用文件夹 {0}：{1}</translation>
    </message>
    <message>
        <source>FairDesk {0}</source>
        <translation>FairDesk {0}</translation>
    </message>
    <message>
        <source>Issuing {0}…</source>
        <translation>正在签发 {0}…</translation>
    </message>
    <message>
        <source>Printing documents</source>
        <translation>正在打印文书</translation>
    </message>
    <message>
        <source>Case {0} of {1}: {2}…</source>
        <translation>第 {0} 件，共 {1} 件：{2}…</translation>
    </message>
    <message>
        <source>{0} document(s) issued and printed, {1} page(s) in all</source>
        <translation>已签发并打印 {0} 份文书，共 {1} 页</translation>
    </message>
    <message>
        <source>{0} document(s) issued and saved, {1} page(s) in all</source>
        <translation>已签发并保存 {0} 份文书，共 {1} 页</translation>
    </message>
    <message>
        <source>{0} case(s) skipped</source>
        <translation>跳过 {0} 件案件</translation>
    </message>
    <message>
        <source>Cancelled after {0} of {1} case(s). {2} The documents issued so far are registered.</source>
        <translation>已在处理 {0}/{1} 件案件后取消。{2} 此前签发的文书均已登记。</translation>
    </message>
    <message>
        <source>Stopped after {0} of {1} case(s): {2} {3}</source>
        <translation>在处理 {0}/{1} 件案件后停止：{2} {3}</translation>
    </message>
    <message>
        <source>no font has {0}: printed as codes</source>
        <translation>字库中没有 {0}：已按字符编码打印</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Print documents for several cases · 批量打印</source>
        <translation>批量打印文书</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;opy:</source>
        <translation>副本(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Print (the print dialog comes next)</source>
        <translation>打印(&amp;P)（接下来打开打印对话框）</translation>
    </message>
    <message>
        <source>Sa&amp;ve as PDF files, one a document, into:</source>
        <translation>另存为 PDF 文件（每份文书一个文件），保存到(&amp;V)：</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>A new numbered, signed document is issued and registered for every case where this kind applies now; the others are skipped and listed below with the reason.</source>
        <translation>对当前适用此类文书的每件案件签发并登记一份新的编号、签名文书；其余案件将被跳过，并在下方列出原因。</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Document, or why not</source>
        <translation>文书或未签发原因</translation>
    </message>
</context>
<context>
    <name>case_labels</name>
    <message>
        <source>the desk acts next</source>
        <translation>由受理台处理</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>finished on the fair floor</source>
        <translation>展会现场已处理完毕</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>defence</source>
        <translation>答辩</translation>
    </message>
    <message>
        <source>re-inspection</source>
        <translation>复查</translation>
    </message>
</context>
<context>
    <name>case_model</name>
    <message>
        <source> · decide before close</source>
        <translation> · 须在闭展前决定</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分</translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <source>OVERDUE {0}</source>
        <translation>已逾期 {0}</translation>
    </message>
    <message>
        <source>in {0}</source>
        <translation>剩余 {0}</translation>
    </message>
</context>
<context>
    <name>case_sections</name>
    <message>
        <source>EXPIRED on {0}</source>
        <translation>已于 {0} 失效</translation>
    </message>
    <message>
        <source>NOT YET VALID (from {0})</source>
        <translation>尚未生效（自 {0} 起生效）</translation>
    </message>
    <message>
        <source>NOT VALID IN CHINA (registered in {0})</source>
        <translation>在中国不受保护（注册地：{0}）</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <source>FairDesk</source>
        <translation>FairDesk</translation>
    </message>
    <message>
        <source>Set up a fair first.</source>
        <translation>请先设置展会。</translation>
    </message>
    <message>
        <source>This visit already belongs to case {0}.</source>
        <translation>该巡查记录已关联案件 {0}。</translation>
    </message>
    <message>
        <source>No suspected infringement found on patrol waits for a complaint.</source>
        <translation>没有待登记投诉的巡查涉嫌侵权记录。</translation>
    </message>
    <message>
        <source>Complaint from a patrol visit</source>
        <translation>根据巡查记录登记投诉</translation>
    </message>
    <message>
        <source>Suspected infringements found on patrol, without a complaint yet:</source>
        <translation>巡查发现、尚未登记投诉的涉嫌侵权：</translation>
    </message>
    <message>
        <source>Select the cases to print for first.</source>
        <translation>请先选择要打印文书的案件。</translation>
    </message>
    <message>
        <source>Export cases</source>
        <translation>导出案件</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>1 case exported to {1}.</source>
        <translation>已将 1 个案件导出到 {1}。</translation>
    </message>
    <message>
        <source>{0} cases exported to {1}.</source>
        <translation>已将 {0} 个案件导出到 {1}。</translation>
    </message>
    <message>
        <source>Select the cases to assign first.</source>
        <translation>请先选择要分派的案件。</translation>
    </message>
    <message>
        <source>(no one)</source>
        <translation>（不分派）</translation>
    </message>
    <message>
        <source>Assign cases</source>
        <translation>分派案件</translation>
    </message>
    <message>
        <source>Assign {0} selected cases to:</source>
        <translation>将所选的 {0} 个案件分派给：</translation>
    </message>
    <message>
        <source>1 case assigned to {1}.</source>
        <translation>已将 1 个案件分派给 {1}。</translation>
    </message>
    <message>
        <source>{0} cases assigned to {1}.</source>
        <translation>已将 {0} 个案件分派给 {1}。</translation>
    </message>
</context>
<context>
    <name>CaseBody</name>
    <message>
        <source>Timeline · 处理记录</source>
        <translation>处理记录</translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <source>Nothing differs from the recorded decision.</source>
        <translation>与已记录的处理意见相同，未作更改。</translation>
    </message>
    <message>
        <source>Pause the {0} deadline · 暂停期限</source>
        <translation>暂停{0}期限</translation>
    </message>
    <message>
        <source>{0}: the deadline stops until it is resumed; say why (e.g. waiting for a translated power of attorney).</source>
        <translation>{0}：期限将暂停，直至恢复；请说明原因（例如：等待授权委托书译文）。</translation>
    </message>
    <message>
        <source>Pause the deadline</source>
        <translation>暂停期限</translation>
    </message>
</context>
<context>
    <name>CaseFilters</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All rights</source>
        <translation>全部权利</translation>
    </message>
    <message>
        <source>All halls</source>
        <translation>全部展馆</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>received {0}</source>
        <translation>{0} 收到</translation>
    </message>
    <message>
        <source>accepted {0}</source>
        <translation>{0} 受理</translation>
    </message>
    <message>
        <source>transferred {0} to {1}</source>
        <translation>{0} 移交{1}</translation>
    </message>
    <message>
        <source>respondent notified {0}</source>
        <translation>{0} 已通知被投诉人</translation>
    </message>
    <message>
        <source>Case {0} — {1}</source>
        <translation>案件 {0} — {1}</translation>
    </message>
    <message>
        <source>State: {0}</source>
        <translation>状态：{0}</translation>
    </message>
    <message>
        <source>Fair: {0} ({1})</source>
        <translation>展会：{0}（{1}）</translation>
    </message>
    <message>
        <source>All times are the fair's local time ({0}).</source>
        <translation>所有时间均为展会当地时间（{0}）。</translation>
    </message>
    <message>
        <source>Other respondents of this complaint: {0}</source>
        <translation>本投诉的其他被投诉人：{0}</translation>
    </message>
</context>
<context>
    <name>CaseSummary</name>
    <message>
        <source>Open the case (Enter)</source>
        <translation>打开案件 (Enter)</translation>
    </message>
    <message>
        <source>Select a case in the list to see it here.</source>
        <translation>在列表中选择一件案件，即可在此查看。</translation>
    </message>
    <message>
        <source>Exhibitor:</source>
        <translation>展商：</translation>
    </message>
    <message>
        <source>Booth:</source>
        <translation>展位：</translation>
    </message>
    <message>
        <source>Complainant:</source>
        <translation>投诉人：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>收到时间：</translation>
    </message>
    <message>
        <source>Next deadline:</source>
        <translation>下一期限：</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>承办人：</translation>
    </message>
    <message>
        <source>Next steps open to you:</source>
        <translation>您现在可办理的步骤：</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>not assigned (Cases ▸ Assign to…, Ctrl+Shift+A)</source>
        <translation>未分派（案件 ▸ 分派给…，Ctrl+Shift+A）</translation>
    </message>
    <message>
        <source>None now.</source>
        <translation>目前没有。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Due {0}</source>
        <translation>{0} 到期</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>展商</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Next deadline</source>
        <translation>下一期限</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>承办人</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>{0} {1} · {2} · {3} · {4} · {5}</source>
        <translation>{0} {1} · {2} · {3} · {4} · {5}</translation>
    </message>
    <message>
        <source>Case {0}</source>
        <translation>案件 {0}</translation>
    </message>
    <message>
        <source>Signed in as {0} ({1})</source>
        <translation>当前登录：{0}（{1}）</translation>
    </message>
    <message>
        <source>No step is open to you ({0}) while the case is {1}.</source>
        <translation>案件处于“{1}”状态，您（{0}）目前没有可执行的操作。</translation>
    </message>
    <message>
        <source>Complaint {0} · 投诉</source>
        <translation>投诉 {0}</translation>
    </message>
    <message>
        <source>{0} — now {1}</source>
        <translation>{0} — 当前状态：{1}</translation>
    </message>
    <message>
        <source>Rights the complaint relies on: {0}</source>
        <translation>投诉所依据的权利：{0}</translation>
    </message>
    <message>
        <source>'{0}' is no longer possible now that it is {1}; copy your text if you need it, then cancel.</source>
        <translation>案件已处于“{1}”状态，无法再执行“{0}”；如需保留已填写的内容请先复制，然后取消。</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Documents… (Ctrl+P)</source>
        <translation>文书… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Hand-o&amp;ffs…</source>
        <translation>移送与报送(&amp;F)…</translation>
    </message>
    <message>
        <source>Correct the decision… (Ctrl+Shift+D)</source>
        <translation>更正处理意见…（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Next steps · 可执行操作</source>
        <translation>可执行操作</translation>
    </message>
    <message>
        <source>Takes effect at once</source>
        <translation>立即生效</translation>
    </message>
    <message>
        <source>Asks for {0}</source>
        <translation>需要填写：{0}</translation>
    </message>
</context>
<context>
    <name>ClocksPanel</name>
    <message>
        <source>Deadlines · 期限</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>No deadline has started yet.</source>
        <translation>尚未开始计算任何期限。</translation>
    </message>
    <message>
        <source>No deadline yet: the defence period starts when the time of service is recorded from the proof of service.</source>
        <translation>尚无期限：答辩期自根据送达回证登记送达时间之时起算。</translation>
    </message>
    <message>
        <source>Pause {0}</source>
        <translation>暂停{0}</translation>
    </message>
    <message>
        <source>Stop this deadline for a while; asks why</source>
        <translation>暂时停止计算此期限，需说明原因</translation>
    </message>
    <message>
        <source>Resume {0}</source>
        <translation>恢复{0}</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>{0} h {1} min</source>
        <translation>{0} 小时 {1} 分</translation>
    </message>
    <message>
        <source>{0} of opening hours</source>
        <translation>开放时间内 {0}</translation>
    </message>
    <message>
        <source>({0} from {1} would end {2}, after the fair closes: due at the close.)</source>
        <translation>（自 {1} 起计 {0}，将于闭展后的 {2} 届满：以闭展时间为限。）</translation>
    </message>
    <message>
        <source>({0} from {1} ends {2}, when the fair is closed: due at its next opening.)</source>
        <translation>（自 {1} 起计 {0}，于 {2} 届满，其时展会未开放：顺延至下一开放时间。）</translation>
    </message>
    <message>
        <source>stopped {0}</source>
        <translation>{0} 终止</translation>
    </message>
    <message>
        <source>PAUSED: {0}</source>
        <translation>已暂停：{0}</translation>
    </message>
    <message>
        <source>no reason</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>{0} left when resumed</source>
        <translation>恢复后剩余 {0}</translation>
    </message>
    <message>
        <source>due {0}</source>
        <translation>{0} 到期</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Changed the role of the user {0}: {1}, {2}.</source>
        <translation>已更改用户 {0} 的角色：{1}，{2}。</translation>
    </message>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Added the user {0}: {1}, {2}.</source>
        <translation>已添加用户 {0}：{1}，{2}。</translation>
    </message>
    <message>
        <source>Disabled the user {0}: {1}, {2}.</source>
        <translation>已停用用户 {0}：{1}，{2}。</translation>
    </message>
    <message>
        <source>Enabled the user {0}: {1}, {2}.</source>
        <translation>已启用用户 {0}：{1}，{2}。</translation>
    </message>
    <message>
        <source>Set a new password for the user {0}: {1}, {2}.</source>
        <translation>已为用户 {0} 设置新密码：{1}，{2}。</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>audit trail intact: {0} events checked, {1} anchors matched, audited records match their history</source>
        <translation>审计记录完整：已核对 {0} 条事件，{1} 个锚点相符，受审计的记录与其历史一致</translation>
    </message>
    <message>
        <source>audit trail broken: {0}</source>
        <translation>审计记录已损坏：{0}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>展馆</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>展商</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Decide before close</source>
        <translation>闭展前决定</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Role name</source>
        <translation>角色名称</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>巡查员</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>巡查次数</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>巡查结果</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>责令时间</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Matched by</source>
        <translation>匹配依据</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家或地区</translation>
    </message>
    <message>
        <source>Earlier names</source>
        <translation>曾用名</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历届记录</translation>
    </message>
    <message>
        <source>Editions with infringement</source>
        <translation>认定侵权的届数</translation>
    </message>
    <message>
        <source>In a row</source>
        <translation>连续届数</translation>
    </message>
    <message>
        <source>Highest measure</source>
        <translation>最重处理</translation>
    </message>
    <message>
        <source>Proposed to be barred</source>
        <translation>建议禁展</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建议处理</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>联次</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>It says</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Superseded by</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>issued {0}: {1} for {2} -&gt; {3} (sha256 {4}…)</source>
        <translation>已出具 {0}：{2} 的{1} -&gt; {3}（sha256 {4}…）</translation>
    </message>
    <message>
        <source>checked against the root key pinned in this data folder; to rest on the paper alone, give the fingerprint printed on the service center's documents: --root &quot;XXXX XXXX ...&quot;</source>
        <translation>已依据本数据文件夹中固定的根密钥核验；如只依据纸质文书核验，请给出服务中心文书上印制的指纹：--root &quot;XXXX XXXX ...&quot;</translation>
    </message>
    <message>
        <source>{0} {1}: {2} (version {3})</source>
        <translation>{0} {1}：{2}（第 {3} 版）</translation>
    </message>
    <message>
        <source>to accept it, still needed:</source>
        <translation>受理前尚需：</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>可执行</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>there is no step '{0}'; the steps: {1}</source>
        <translation>没有步骤“{0}”；可用的步骤：{1}</translation>
    </message>
    <message>
        <source>Complaint {0}: {1}</source>
        <translation>投诉 {0}：{1}</translation>
    </message>
    <message>
        <source>cases: {0}</source>
        <translation>案件：{0}</translation>
    </message>
    <message>
        <source>take one: fairdesk step {0} NAME [--set FIELD=VALUE …]</source>
        <translation>执行一步：fairdesk step {0} 名称 [--set 字段=值 …]</translation>
    </message>
    <message>
        <source>give it with --reason &quot;…&quot; (or --set {0}=…)</source>
        <translation>请用 --reason &quot;…&quot;（或 --set {0}=…）填写</translation>
    </message>
    <message>
        <source>give it with --set {0}=…</source>
        <translation>请用 --set {0}=… 填写</translation>
    </message>
    <message>
        <source>{0} is one of: {1}</source>
        <translation>{0} 可取以下值之一：{1}</translation>
    </message>
    <message>
        <source>{0} (prefilled): {1}</source>
        <translation>{0}（已预填）：{1}</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Figure / 指标</source>
        <translation>指标</translation>
    </message>
</context>
<context>
    <name>complaint_steps</name>
    <message>
        <source>; the fair closes first, so the deadline is its closing time</source>
        <translation>；展会先于此闭幕，期限即为闭幕时间</translation>
    </message>
    <message>
        <source>{0} ({1}, rule set “{2}”)</source>
        <translation>{0}（{1}，规则集“{2}”）</translation>
    </message>
    <message>
        <source>{0} opening hours</source>
        <translation>{0} 个开放小时</translation>
    </message>
    <message>
        <source>{0} h</source>
        <translation>{0} 小时</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>New complaint — {0} ({1})</source>
        <translation>新建投诉 — {0}（{1}）</translation>
    </message>
    <message>
        <source>Not attached (add them from the case view): {0}</source>
        <translation>未附上（请在案件页面添加）：{0}</translation>
    </message>
    <message>
        <source>The complaint was not saved:</source>
        <translation>投诉未保存：</translation>
    </message>
    <message>
        <source>Contract 合同</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Payment 货款</source>
        <translation>货款</translation>
    </message>
    <message>
        <source>Service 服务</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Other 其他</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>a valid right</source>
        <translation>有效的权利</translation>
    </message>
    <message>
        <source>respondent</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>power of attorney</source>
        <translation>授权委托书</translation>
    </message>
    <message>
        <source>commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Ctrl+Enter accepts the complaint: everything needed is there.</source>
        <translation>Ctrl+Enter 受理投诉：所需材料已齐全。</translation>
    </message>
    <message>
        <source>Ctrl+S saves a draft · Esc cancels.</source>
        <translation>Ctrl+S 保存草稿 · Esc 取消。</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理人</translation>
    </message>
    <message>
        <source>Commitment</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves a draft; to accept, still needed: {0}.</source>
        <translation>Ctrl+Enter 保存草稿；受理前仍需：{0}。</translation>
    </message>
    <message>
        <source>Enter the complainant's name (person or company).</source>
        <translation>请输入投诉人名称（个人或企业）。</translation>
    </message>
    <message>
        <source>Give the agent's name, or clear the agent's details.</source>
        <translation>请填写代理人名称，或清空代理人信息。</translation>
    </message>
    <message>
        <source>Right {0}</source>
        <translation>权利 {0}</translation>
    </message>
    <message>
        <source>Respondent {0}</source>
        <translation>被投诉人 {0}</translation>
    </message>
    <message>
        <source>Complaint {0} saved; the complainant is asked to supplement.</source>
        <translation>投诉 {0} 已保存；已要求投诉人补正材料。</translation>
    </message>
    <message>
        <source>Complaint {0} not accepted (rejected).</source>
        <translation>投诉 {0} 不予受理。</translation>
    </message>
    <message>
        <source>Complaint {0} saved as a draft (case {1}).</source>
        <translation>投诉 {0} 已保存为草稿（案件 {1}）。</translation>
    </message>
    <message>
        <source>Complaint {0} saved as a draft (cases {1}).</source>
        <translation>投诉 {0} 已保存为草稿（案件 {1}）。</translation>
    </message>
    <message>
        <source>Complaint {0} accepted: case {1} is to be notified.</source>
        <translation>投诉 {0} 已受理：案件 {1} 待通知。</translation>
    </message>
    <message>
        <source>Complaint {0} accepted: cases {1} are to be notified.</source>
        <translation>投诉 {0} 已受理：案件 {1} 待通知。</translation>
    </message>
    <message>
        <source>Accused exhibits (at intake)</source>
        <translation>涉嫌侵权展品（受理时）</translation>
    </message>
    <message>
        <source>Materials received (2006 Measures Art 8)</source>
        <translation>已收材料（2006年《展会知识产权保护办法》第八条）</translation>
    </message>
    <message>
        <source>Tick every item of the checklist</source>
        <translation>勾选清单中的每一项</translation>
    </message>
    <message>
        <source>What is not ticked is prefilled as missing when you ask for supplements.</source>
        <translation>未勾选的项目将在要求补正时自动列为缺少的材料。</translation>
    </message>
    <message>
        <source>Commitment (承诺书, 2006 Measures Art 10)</source>
        <translation>承诺书（2006年《展会知识产权保护办法》第十条）</translation>
    </message>
    <message>
        <source>Commitment signed</source>
        <translation>已签署承诺书</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Summary of facts and grounds</source>
        <translation>事实与理由摘要</translation>
    </message>
    <message>
        <source>What is infringed and how (e.g. same design on the chairs shown at the booth)</source>
        <translation>侵犯何种权利及如何侵权（例如：展位展示的椅子与外观设计相同）</translation>
    </message>
    <message>
        <source>S&amp;ummary of facts and grounds:</source>
        <translation>事实与理由摘要(&amp;U)：</translation>
    </message>
    <message>
        <source>A&amp;ll received</source>
        <translation>全部收到(&amp;L)</translation>
    </message>
    <message>
        <source>Commi&amp;tment signed: the complainant vouches for the complaint and is liable for a false one</source>
        <translation>已签署承诺书(&amp;T)：投诉人保证投诉真实，并对虚假投诉承担责任</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Type of commercial dispute</source>
        <translation>商事纠纷类型</translation>
    </message>
    <message>
        <source>Dispute about:</source>
        <translation>纠纷事项：</translation>
    </message>
    <message>
        <source>Complainant name</source>
        <translation>投诉人名称</translation>
    </message>
    <message>
        <source>Type to find a complainant seen before, or a new name</source>
        <translation>输入以查找曾登记的投诉人，或输入新名称</translation>
    </message>
    <message>
        <source>Complainant name in English</source>
        <translation>投诉人英文名称</translation>
    </message>
    <message>
        <source>Company 企业</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Person 个人</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Identity document number</source>
        <translation>身份证件号码</translation>
    </message>
    <message>
        <source>Complainant country or region</source>
        <translation>投诉人国家或地区</translation>
    </message>
    <message>
        <source>e.g. 中国 / Germany</source>
        <translation>例如：中国 / 德国</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Complainant phone</source>
        <translation>投诉人电话</translation>
    </message>
    <message>
        <source>Complainant email</source>
        <translation>投诉人电子邮箱</translation>
    </message>
    <message>
        <source>Complainant address</source>
        <translation>投诉人地址</translation>
    </message>
    <message>
        <source>Agent (only when someone files for the complainant)</source>
        <translation>代理人（仅在他人代为投诉时填写）</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>代理人名称</translation>
    </message>
    <message>
        <source>Law firm or agent; leave empty if none</source>
        <translation>律师事务所或代理人；没有则留空</translation>
    </message>
    <message>
        <source>Agent name in English</source>
        <translation>代理人英文名称</translation>
    </message>
    <message>
        <source>Agent's document number</source>
        <translation>代理人证件号码</translation>
    </message>
    <message>
        <source>Agent phone</source>
        <translation>代理人电话</translation>
    </message>
    <message>
        <source>Power of attorney received</source>
        <translation>已收到授权委托书</translation>
    </message>
    <message>
        <source>IP infringement complaint (知识产权侵权投诉)</source>
        <translation>知识产权侵权投诉</translation>
    </message>
    <message>
        <source>Co&amp;mmercial dispute (商事纠纷): contract, payment, service</source>
        <translation>商事纠纷(&amp;M)：合同、货款、服务</translation>
    </message>
    <message>
        <source>Power of attorney received (授权委托书)</source>
        <translation>已收到授权委托书</translation>
    </message>
    <message>
        <source>&amp;Complainant:</source>
        <translation>投诉人(&amp;C)：</translation>
    </message>
    <message>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Person or company:</source>
        <translation>个人或企业：</translation>
    </message>
    <message>
        <source>Country/region:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <source>ID document:</source>
        <translation>证件类型：</translation>
    </message>
    <message>
        <source>Document no.:</source>
        <translation>证件号码：</translation>
    </message>
    <message>
        <source>Contact person:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>A&amp;gent:</source>
        <translation>代理人(&amp;G)：</translation>
    </message>
    <message>
        <source>Complaint not saved</source>
        <translation>投诉未保存</translation>
    </message>
    <message>
        <source>Discard this complaint?</source>
        <translation>放弃此投诉？</translation>
    </message>
    <message>
        <source>Close the form and lose what you typed? Nothing has been saved.</source>
        <translation>关闭表单并丢弃已填写的内容？尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <source>Problems to correct</source>
        <translation>需要更正的问题</translation>
    </message>
    <message>
        <source>Please correct this before saving:</source>
        <translation>保存前请更正以下问题：</translation>
    </message>
    <message>
        <source>The complaint was not saved:

{0}

Everything you typed is still in the form: correct it or try again.</source>
        <translation>投诉未保存：

{0}

您填写的内容仍在表单中：请更正后重试。</translation>
    </message>
    <message>
        <source>The complaint was not saved. Everything you typed is kept:</source>
        <translation>投诉未保存。您填写的内容均已保留：</translation>
    </message>
    <message>
        <source>Please correct these {0} problems before saving:</source>
        <translation>保存前请更正以下 {0} 个问题：</translation>
    </message>
    <message>
        <source>⚠ Possible repeat complaint: the same complainant, right and respondent were handled before. The desk decides; this does not block registering.</source>
        <translation>⚠ 可能为重复投诉：相同的投诉人、权利和被投诉人此前已处理过。由受理人员决定；这不影响登记。</translation>
    </message>
    <message>
        <source>this fair</source>
        <translation>本届展会</translation>
    </message>
    <message>
        <source>Canton Fair rule: a complaint already handled at an earlier edition is not accepted without proof of legal follow-up (reason: repeat without follow-up).</source>
        <translation>广交会规则：往届已处理过的投诉，如无后续法律程序的证明，不予受理（原因：重复投诉且无后续程序）。</translation>
    </message>
    <message>
        <source>Possible repeat complaint</source>
        <translation>可能为重复投诉</translation>
    </message>
    <message>
        <source>{0} at {1}, received {2}{3}: complaint {4}; {5}.</source>
        <translation>{0}，{1}，{2} 收到{3}：投诉 {4}；{5}。</translation>
    </message>
    <message>
        <source>, right {0}</source>
        <translation>，权利 {0}</translation>
    </message>
    <message>
        <source>Register the complaint without deciding (Ctrl+S)</source>
        <translation>登记投诉，暂不作受理决定 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Ask for &amp;supplements…</source>
        <translation>要求补正(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>不予受理(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>受理(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ConsultationDialog</name>
    <message>
        <source>Logged: {0} ({1} today in this window).</source>
        <translation>已登记：{0}（本窗口今日共 {1} 条）。</translation>
    </message>
    <message>
        <source>Log a consultation / 咨询登记</source>
        <translation>咨询登记</translation>
    </message>
    <message>
        <source>&amp;Topic</source>
        <translation>咨询事项(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>国籍(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. 德国 / Germany</source>
        <translation>例如：德国 / Germany</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <source>Correct the decision · 更正处理意见</source>
        <translation>更正处理意见</translation>
    </message>
    <message>
        <source>{0}: correct what the decision says. The old and the new wording stay in the timeline with your reason.</source>
        <translation>{0}：更正处理意见的内容。原内容和新内容连同更正理由一并记入时间线。</translation>
    </message>
    <message>
        <source>Correct the decision</source>
        <translation>更正处理意见</translation>
    </message>
    <message>
        <source>Correct the finding · 更正巡查结果</source>
        <translation>更正巡查结果</translation>
    </message>
    <message>
        <source>Booth {0}, {1}: correct the recorded finding. The old and the new finding stay in the record with your reason.</source>
        <translation>展位 {0}，{1}：更正已记录的巡查结果。原结果和新结果连同更正理由一并留存。</translation>
    </message>
    <message>
        <source>Correct the finding</source>
        <translation>更正巡查结果</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Dashboard / 统计 — {0}</source>
        <translation>统计 — {0}</translation>
    </message>
    <message>
        <source>往届对比 Editions: complaints, cases, confirmed</source>
        <translation>往届对比：投诉、案件、认定侵权</translation>
    </message>
    <message>
        <source>权利类型 Complaints by IP type</source>
        <translation>权利类型</translation>
    </message>
    <message>
        <source>展馆 Respondent cases by hall</source>
        <translation>各展馆被投诉案件</translation>
    </message>
    <message>
        <source>结果 Outcomes</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>国家/地区 Cases by country (top 8)</source>
        <translation>国家/地区（前 8 位）</translation>
    </message>
    <message>
        <source>用时 Hours per stage (median, max)</source>
        <translation>各环节用时（中位数、最大值，小时）</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>认定侵权</translation>
    </message>
    <message>
        <source>Median h</source>
        <translation>中位数（小时）</translation>
    </message>
    <message>
        <source>Max h</source>
        <translation>最大值（小时）</translation>
    </message>
    <message>
        <source>Save the statistics report</source>
        <translation>保存统计报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>统计报告</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Report &amp;PDF…</source>
        <translation>统计报告 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Follow-up list…</source>
        <translation>展后追查名单(&amp;F)…</translation>
    </message>
    <message>
        <source>投诉 Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>被投诉企业 Respondent enterprises</source>
        <translation>被投诉企业</translation>
    </message>
    <message>
        <source>认定侵权 Confirmed (rate)</source>
        <translation>认定侵权（比例）</translation>
    </message>
    <message>
        <source>涉外及涉港澳台 Foreign, HK, Macao, Taiwan</source>
        <translation>涉外及涉港澳台（涉外 + 涉港澳台）</translation>
    </message>
    <message>
        <source>24 h 移交 Transfers on time</source>
        <translation>24 小时内移交</translation>
    </message>
    <message>
        <source>咨询 Consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>巡查 Patrols / booths</source>
        <translation>巡查 / 展位</translation>
    </message>
    <message>
        <source>商事纠纷 Commercial disputes</source>
        <translation>商事纠纷</translation>
    </message>
</context>
<context>
    <name>DecisionBox</name>
    <message>
        <source>Defence and decision · 答辩与处理</source>
        <translation>答辩与处理</translation>
    </message>
    <message>
        <source>Defence:</source>
        <translation>答辩：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>处理决定：</translation>
    </message>
    <message>
        <source>Trigger:</source>
        <translation>认定依据：</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>法律依据：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>主管部门：</translation>
    </message>
    <message>
        <source>Outcome · 处理情况</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>decided {0}</source>
        <translation>{0} 作出处理决定</translation>
    </message>
    <message>
        <source>not decided yet</source>
        <translation>尚未作出处理决定</translation>
    </message>
</context>
<context>
    <name>DeskWindows</name>
    <message>
        <source>FairDesk</source>
        <translation>FairDesk</translation>
    </message>
    <message>
        <source>Set up a fair first.</source>
        <translation>请先设置展会。</translation>
    </message>
    <message>
        <source>Day report</source>
        <translation>当日报告</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Documents of case {0} · 文书</source>
        <translation>案件 {0} 的文书</translation>
    </message>
    <message>
        <source>Save {0} as PDF</source>
        <translation>将 {0} 另存为 PDF</translation>
    </message>
    <message>
        <source>{0} could not be saved to {1}: {2}</source>
        <translation>无法将 {0} 保存到 {1}：{2}</translation>
    </message>
    <message>
        <source>Saved {0} to {1}.</source>
        <translation>已将 {0} 保存到 {1}。</translation>
    </message>
    <message>
        <source>Printing {0}…</source>
        <translation>正在打印 {0}…</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>正在打印</translation>
    </message>
    <message>
        <source>Sent {0} to the printer ({1} page(s)).</source>
        <translation>已将 {0} 发送到打印机（{1} 页）。</translation>
    </message>
    <message>
        <source>Printing cancelled; pages already sent may still come out.</source>
        <translation>打印已取消；已发送的页面可能仍会打印出来。</translation>
    </message>
    <message>
        <source>Issued {0} in place of {1}; {1} now verifies as revoked.</source>
        <translation>已签发 {0} 替代 {1}；{1} 现核验为已撤销。</translation>
    </message>
    <message>
        <source>{0} is revoked: a scan of its QR code now says REVOKED.</source>
        <translation>{0} 已撤销：扫描其二维码现显示“已撤销”。</translation>
    </message>
    <message>
        <source>Reissue the document</source>
        <translation>重新签发文书</translation>
    </message>
    <message>
        <source>Revoke the document</source>
        <translation>撤销文书</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>打印(&amp;P)… (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>另存为 PDF(&amp;S)… (Ctrl+S)</translation>
    </message>
    <message>
        <source>C&amp;heck a document… (Ctrl+Shift+V)</source>
        <translation>核验文书(&amp;H)… (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Reload (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Reissue {0} · 重新签发</source>
        <translation>重新签发 {0}</translation>
    </message>
    <message>
        <source>A corrected copy of {0} is issued under a new number with what the case says now; {0} is then revoked and its QR code says so. Say what was corrected.</source>
        <translation>将以新编号、按案件当前信息签发 {0} 的更正文书；{0} 随即撤销，其二维码也将显示为已撤销。请说明更正了哪些内容。</translation>
    </message>
    <message>
        <source>Revoke {0} · 撤销</source>
        <translation>撤销 {0}</translation>
    </message>
    <message>
        <source>{0} stops being valid and nothing replaces it: a scan of its QR code will say REVOKED, with your reason. To correct it instead, reissue it.</source>
        <translation>{0} 将失效且不会有替代文书：扫描其二维码将显示“已撤销”及您填写的原因。如需更正，请改为重新签发。</translation>
    </message>
    <message>
        <source>Signed in as {0}: you can preview, print, save and check documents already issued; only desk staff issue, reissue or revoke them.</source>
        <translation>当前登录用户为 {0}：您可以预览、打印、保存和核验已签发的文书；只有受理人员可以签发、重新签发或撤销文书。</translation>
    </message>
    <message>
        <source>Case {0} · {1} · {2}</source>
        <translation>案件 {0} · {1} · {2}</translation>
    </message>
    <message>
        <source>Complaint {0} ({1}) · complainant {2} · fair {3}</source>
        <translation>投诉 {0}（{1}）· 投诉人 {2} · 展会 {3}</translation>
    </message>
    <message>
        <source>Printing page {0} of {1}…</source>
        <translation>正在打印第 {0} 页，共 {1} 页…</translation>
    </message>
    <message>
        <source>Issued {0}: {1}{2}. It is registered; print it or save it as PDF.</source>
        <translation>已签发 {0}：{1}{2}。文书已登记，可打印或另存为 PDF。</translation>
    </message>
    <message>
        <source>No font has {0}: these characters are printed as their codes. Check the name on paper.</source>
        <translation>字库中没有 {0}：这些字符已按字符编码打印，请核对纸面上的名称。</translation>
    </message>
    <message>
        <source>New document · 签发新文书</source>
        <translation>签发新文书</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Choose which party's copy…</source>
        <translation>选择当事人副本…</translation>
    </message>
    <message>
        <source>Document served</source>
        <translation>送达的文书</translation>
    </message>
    <message>
        <source>Registers a new numbered, signed document (Ctrl+Enter)</source>
        <translation>登记一份新的编号、签名文书 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>文书(&amp;D)：</translation>
    </message>
    <message>
        <source>C&amp;opy:</source>
        <translation>副本(&amp;O)：</translation>
    </message>
    <message>
        <source>For &amp;document:</source>
        <translation>对应文书(&amp;D)：</translation>
    </message>
    <message>
        <source>1 other kind does not apply now (hover for when it does).</source>
        <translation>另有 1 种文书目前不适用（将鼠标悬停可查看适用情形）。</translation>
    </message>
    <message>
        <source>{0} other kinds do not apply now (hover for when they do).</source>
        <translation>另有 {0} 种文书目前不适用（将鼠标悬停可查看适用情形）。</translation>
    </message>
    <message>
        <source>The latest notice, decision or order</source>
        <translation>最近的通知书、处理意见书或整改通知书</translation>
    </message>
    <message>
        <source>&amp;Issue and preview · 签发</source>
        <translation>签发并预览(&amp;I)</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>For the {0}; applies {1}.</source>
        <translation>适用于{0}；{1}适用。</translation>
    </message>
    <message>
        <source>Applies {0}.</source>
        <translation>适用于{0}。</translation>
    </message>
    <message>
        <source>Issued for this case · 已签发文书</source>
        <translation>已签发文书</translation>
    </message>
    <message>
        <source>Documents issued for this case</source>
        <translation>本案已签发的文书</translation>
    </message>
    <message>
        <source>No document has been issued for this case yet.</source>
        <translation>本案尚未签发任何文书。</translation>
    </message>
    <message>
        <source>A corrected copy under a new number; this one then verifies as revoked</source>
        <translation>以新编号签发更正后的文书；原文书随即核验为已撤销</translation>
    </message>
    <message>
        <source>The document stops being valid; say why</source>
        <translation>文书将失效；请说明原因</translation>
    </message>
    <message>
        <source>&amp;Reissue… · 重新签发</source>
        <translation>重新签发(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;voke… · 撤销</source>
        <translation>撤销(&amp;V)…</translation>
    </message>
    <message>
        <source>Rendering {0}…</source>
        <translation>正在生成 {0}…</translation>
    </message>
    <message>
        <source> Print {0} instead.</source>
        <translation>请改为打印 {0}。</translation>
    </message>
    <message>
        <source>{0} was revoked ({1}) and cannot be printed again: a scan of its QR code says REVOKED.{2}</source>
        <translation>{0} 已撤销（{1}），不能再次打印：扫描其二维码将显示“已撤销”。{2}</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Issued, in the fair's local time</source>
        <translation>签发时间（展会当地时间）</translation>
    </message>
    <message>
        <source>Valid · 有效</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Superseded by {0} · 已被取代</source>
        <translation>已被 {0} 取代</translation>
    </message>
    <message>
        <source>Revoked · 已撤销: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <source>Superseded · 已被取代</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Revoked · 已撤销</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>case {0}</source>
        <translation>案件 {0}</translation>
    </message>
    <message>
        <source>complaint {0}</source>
        <translation>投诉 {0}</translation>
    </message>
    <message>
        <source>{0}, for {1}</source>
        <translation>{0}，用于{1}</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}，{1}</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>签发人</translation>
    </message>
</context>
<context>
    <name>EvidenceBox</name>
    <message>
        <source>Evidence · 证据</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>No evidence attached yet.</source>
        <translation>尚未附上证据。</translation>
    </message>
    <message>
        <source>attached to the {0}</source>
        <translation>附于{0}</translation>
    </message>
    <message>
        <source>captured {0} by {1}</source>
        <translation>{0} 由 {1} 采集</translation>
    </message>
</context>
<context>
    <name>EvidenceCheckResult</name>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>{0} evidence file(s) cannot be relied on. Restore each from a backup or import the original again.</source>
        <translation>{0} 个证据文件不可采信。请从备份恢复，或重新导入原件。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>EvidenceCheckRun</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0} of {1} evidence files checked…</source>
        <translation>已检查 {0} / {1} 个证据文件…</translation>
    </message>
    <message>
        <source>Checking the evidence files…</source>
        <translation>正在检查证据文件…</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>证据文件</translation>
    </message>
    <message>
        <source>Every evidence file is intact: each matches the SHA-256 recorded when it was imported.</source>
        <translation>所有证据文件完好：均与导入时记录的 SHA-256 一致。</translation>
    </message>
</context>
<context>
    <name>EvidenceGallery</name>
    <message>
        <source>DAMAGED</source>
        <translation>已损坏</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>EvidenceStrip</name>
    <message>
        <source>Photos attached</source>
        <translation>已附照片</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Ctrl+P, or drop files here</source>
        <translation>按 Ctrl+P，或将文件拖放到此处</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Photos: none yet — Ctrl+P or drop files here</source>
        <translation>照片：暂无 — 按 Ctrl+P 或将文件拖放到此处</translation>
    </message>
    <message>
        <source>Attach photos or scans</source>
        <translation>附上照片或扫描件</translation>
    </message>
    <message>
        <source>Photos: {0} attached</source>
        <translation>照片：已附 {0} 张</translation>
    </message>
</context>
<context>
    <name>ExhibitorsPage</name>
    <message>
        <source>The exhibitors</source>
        <translation>展商</translation>
    </message>
    <message>
        <source>Step 4 of 4 (you may skip it): import the exhibitor list, so that the desk finds respondents by booth or name. Then open the desk.</source>
        <translation>第 4 步（共 4 步，可跳过）：导入展商名单，便于受理时按展位号或名称查找被投诉人。然后打开工作台。</translation>
    </message>
    <message>
        <source>Go Back to the fair, add the halls and import the list again, or correct the list; until then rounds and the hall board do not show these booths.</source>
        <translation>请点击“上一步”回到展会设置，添加这些展馆后重新导入名单，或更正名单；在此之前，巡查和展馆看板不会显示这些展位。</translation>
    </message>
</context>
<context>
    <name>ExhibitorsWindow</name>
    <message>
        <source>Only {0} staff may import.</source>
        <translation>只有{0}人员可以导入。</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Exhibitors — {0}</source>
        <translation>展商 — {0}</translation>
    </message>
    <message>
        <source>{0} found</source>
        <translation>找到 {0} 家</translation>
    </message>
    <message>
        <source>1 exhibitor</source>
        <translation>共 1 家展商</translation>
    </message>
    <message>
        <source>{0} exhibitors</source>
        <translation>共 {0} 家展商</translation>
    </message>
    <message>
        <source>Choose an exhibitor to see its complaints at this and earlier fairs.</source>
        <translation>选择一家展商，查看其在本届及往届展会的投诉记录。</translation>
    </message>
    <message>
        <source>matched by credit code {0}</source>
        <translation>按统一社会信用代码 {0} 匹配</translation>
    </message>
    <message>
        <source>matched by name (no credit code in the list)</source>
        <translation>按名称匹配（名单中无统一社会信用代码）</translation>
    </message>
    <message>
        <source>{0} — {1}; {2} edition(s), {3} case(s).</source>
        <translation>{0} — {1}；{2} 届，{3} 件案件。</translation>
    </message>
    <message>
        <source>{0} case(s)</source>
        <translation>{0} 件案件</translation>
    </message>
    <message>
        <source>no complaints</source>
        <translation>无投诉</translation>
    </message>
    <message>
        <source>{0} · {1} · {2} to {3} · booth {4} · {5}</source>
        <translation>{0} · {1} · {2} 至 {3} · 展位 {4} · {5}</translation>
    </message>
    <message>
        <source> (this fair)</source>
        <translation>（本届）</translation>
    </message>
    <message>
        <source>Complaint {0}</source>
        <translation>投诉 {0}</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Search exhibitors</source>
        <translation>搜索展商</translation>
    </message>
    <message>
        <source>Search name (Chinese or English), booth or credit code (Ctrl+F)</source>
        <translation>搜索名称（中文或英文）、展位号或统一社会信用代码 (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&lt;b&gt;History across editions&lt;/b&gt;</source>
        <translation>&lt;b&gt;历届记录&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Edition / case</source>
        <translation>届次 / 案件</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>权利</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>处理决定时间</translation>
    </message>
</context>
<context>
    <name>ExhibitorTableModel</name>
    <message>
        <source>Watch list: {0}</source>
        <translation>重点关注名单：{0}</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签</translation>
    </message>
    <message>
        <source>Not signed</source>
        <translation>未签</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Country/region</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Hall / booths</source>
        <translation>展馆 / 展位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>IP commitment</source>
        <translation>知识产权承诺书</translation>
    </message>
</context>
<context>
    <name>ExhibitsBox</name>
    <message>
        <source>Accused exhibits · 涉嫌侵权展品</source>
        <translation>涉嫌侵权展品</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Right(s) accused under</source>
        <translation>涉嫌侵犯的权利</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ExhibitsModel</name>
    <message>
        <source>Exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Accused under (right numbers)</source>
        <translation>涉嫌侵犯的权利（权利号）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>{0} of {1} rows…</source>
        <translation>{0}/{1} 行…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>Choose the file to export to.</source>
        <translation>请选择导出文件。</translation>
    </message>
    <message>
        <source>Exporting {0}…</source>
        <translation>正在导出 {0}…</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>, without personal contact data</source>
        <translation>，不含个人联系信息</translation>
    </message>
    <message>
        <source>{0} rows written to {1}{2}.</source>
        <translation>已将 {0} 行写入 {1}{2}。</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>导出已取消：未写入任何文件。</translation>
    </message>
    <message>
        <source>Export the follow-up list / 导出展后追查名单</source>
        <translation>导出展后追查名单</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>格式(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>文件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Leave out personal contact data (contact, phone, email)</source>
        <translation>不包含个人联系信息（联系人、电话、电子邮箱）</translation>
    </message>
</context>
<context>
    <name>FairDeskError</name>
    <message>
        <source>The user '{name}' is disabled.</source>
        <translation>用户“{name}”已停用。</translation>
    </message>
    <message>
        <source>The user '{name}' needs its password: run the command in a terminal, set FAIRDESK_PASSWORD, or give --password-stdin before the command (after 'user add' or 'user passwd' it reads the new user's password instead).</source>
        <translation>用户“{name}”需要输入其密码：请在终端中运行该命令，或设置 FAIRDESK_PASSWORD，或在命令之前给出 --password-stdin（写在“user add”或“user passwd”之后时，它读取的是新用户的密码）。</translation>
    </message>
    <message>
        <source>There is no user '{name}'. Add one with: fairdesk user add {name} --role desk</source>
        <translation>没有用户“{name}”。可用以下命令添加：fairdesk user add {name} --role desk</translation>
    </message>
    <message>
        <source>The user '{name}' has no password, so nobody can act as it: an administrator sets one with: fairdesk user passwd {name}</source>
        <translation>用户“{name}”没有密码，任何人都不能以其身份操作：请管理员用以下命令设置密码：fairdesk user passwd {name}</translation>
    </message>
    <message>
        <source>This database has no user yet. Create its administrator first: fairdesk user add {name} --role admin</source>
        <translation>此数据库还没有用户。请先创建管理员：fairdesk user add {name} --role admin</translation>
    </message>
    <message>
        <source>--complaints must be 0 or more, --editions at least 1, --exhibitors at least 10.</source>
        <translation>--complaints 必须为 0 或以上，--editions 至少为 1，--exhibitors 至少为 10。</translation>
    </message>
    <message>
        <source>There is no terminal to ask the new password on: give it with --password-stdin.</source>
        <translation>没有可询问新密码的终端：请通过 --password-stdin 提供。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Restoring replaces the database; run again with --yes to confirm. Nothing was changed.</source>
        <translation>恢复将替换数据库；请加上 --yes 重新运行以确认。未作任何更改。</translation>
    </message>
    <message>
        <source>No {what} on standard input.</source>
        <translation>标准输入中没有{what}。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Give -o FILE.pdf for the statistics report, or --day for the day report.</source>
        <translation>统计报告请用 -o FILE.pdf 指定输出文件，当日报告请用 --day。</translation>
    </message>
    <message>
        <source>The statistics report is a PDF: '{name}' should end in .pdf.</source>
        <translation>统计报告为 PDF 文件：“{name}”应以 .pdf 结尾。</translation>
    </message>
    <message>
        <source>The day report is written as text; use a .txt file or none.</source>
        <translation>当日报告以文本形式写出；请使用 .txt 文件，或不指定文件。</translation>
    </message>
    <message>
        <source>Say what to correct: give at least one field to change.</source>
        <translation>请说明要更正的内容：至少给出一个要修改的字段。</translation>
    </message>
    <message>
        <source>'{item}' is not NAME=VALUE (e.g. defence_hours=12).</source>
        <translation>“{item}”不是“名称=值”的形式（例如 defence_hours=12）。</translation>
    </message>
    <message>
        <source>FairDesk works with SQLite or PostgreSQL, not '{kind}'.</source>
        <translation>FairDesk 支持 SQLite 或 PostgreSQL，不支持“{kind}”。</translation>
    </message>
    <message>
        <source>'{url}' is not a database URL; use e.g. sqlite:///path/fairdesk.sqlite3 or postgresql+psycopg://user:password@host/dbname</source>
        <translation>“{url}”不是数据库 URL；请使用如 sqlite:///path/fairdesk.sqlite3 或 postgresql+psycopg://user:password@host/dbname 的格式</translation>
    </message>
    <message>
        <source>The database was closed when FairDesk quit or signed out.</source>
        <translation>数据库已在 FairDesk 退出或注销时关闭。</translation>
    </message>
    <message>
        <source>Cannot create the data folder {folder}: {reason}.</source>
        <translation>无法创建数据文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>The database is busy: another FairDesk is writing to it. Try again in a moment; nothing was saved by this attempt. ({where})</source>
        <translation>数据库正忙：另一个 FairDesk 正在写入。请稍后重试；本次操作未保存任何内容。（{where}）</translation>
    </message>
    <message>
        <source>The database file cannot be opened: the folder is missing or not accessible. ({where})</source>
        <translation>无法打开数据库文件：文件夹不存在或无法访问。（{where}）</translation>
    </message>
    <message>
        <source>The database is read-only: FairDesk cannot save. Check the file's permissions or the disk; what was saved before is intact. ({where})</source>
        <translation>数据库为只读：FairDesk 无法保存。请检查文件权限或磁盘；此前已保存的内容完好无损。（{where}）</translation>
    </message>
    <message>
        <source>The disk is full: this change was not saved. Free some space and try again; what was saved before is intact. ({where})</source>
        <translation>磁盘已满：此次更改未保存。请释放部分空间后重试；此前已保存的内容完好无损。（{where}）</translation>
    </message>
    <message>
        <source>The disk reported an error while writing: this change was not saved. Check the drive; what was saved before is intact. ({where})</source>
        <translation>写入时磁盘报告错误：此次更改未保存。请检查磁盘驱动器；此前已保存的内容完好无损。（{where}）</translation>
    </message>
    <message>
        <source>This file is not a FairDesk database (or it is damaged). ({where})</source>
        <translation>此文件不是 FairDesk 数据库（或已损坏）。（{where}）</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from a backup. ({where})</source>
        <translation>数据库文件已损坏。请从备份中恢复。（{where}）</translation>
    </message>
    <message>
        <source>Another desk was saving at the same moment; nothing was saved by this attempt. Try again ({where}).</source>
        <translation>另一个受理台正在同时保存；本次操作未保存任何内容。请重试（{where}）。</translation>
    </message>
    <message>
        <source>The database server refused the user name or password ({where}).</source>
        <translation>数据库服务器拒绝了该用户名或密码（{where}）。</translation>
    </message>
    <message>
        <source>The database does not exist on the server ({where}).</source>
        <translation>服务器上不存在该数据库（{where}）。</translation>
    </message>
    <message>
        <source>Cannot reach the database server at {where}. Check the network and that the server is running; nothing was saved by this attempt.</source>
        <translation>无法连接位于 {where} 的数据库服务器。请检查网络以及服务器是否正在运行；本次操作未保存任何内容。</translation>
    </message>
    <message>
        <source>The database server's disk is full ({where}).</source>
        <translation>数据库服务器的磁盘已满（{where}）。</translation>
    </message>
    <message>
        <source>The database server is read-only ({where}).</source>
        <translation>数据库服务器为只读（{where}）。</translation>
    </message>
    <message>
        <source>The {field} is {count} characters long; at most {limit} fit.</source>
        <translation>“{field}”长 {count} 个字符；最多只能 {limit} 个字符。</translation>
    </message>
    <message>
        <source>This database's layout (version {current}) is newer than this FairDesk's (version {head}): check the paper with the FairDesk that uses this database.</source>
        <translation>此数据库的结构（版本 {current}）比本 FairDesk 的（版本 {head}）更新：请使用该数据库所用的 FairDesk 核验文书。</translation>
    </message>
    <message>
        <source>This database holds no FairDesk register (is it the right database?). Checking a paper changes nothing, so nothing was created.</source>
        <translation>此数据库中没有 FairDesk 登记簿（是否选错了数据库？）。核验文书不会更改任何内容，因此未创建任何内容。</translation>
    </message>
    <message>
        <source>This database's layout is older (version {current}) than this FairDesk's (version {head}): an administrator upgrades it with 'fairdesk db upgrade'. Checking a paper changes nothing, so it was not upgraded.</source>
        <translation>此数据库的结构（版本 {current}）比本 FairDesk 的（版本 {head}）更旧：请管理员用“fairdesk db upgrade”升级。核验文书不会更改任何内容，因此未升级。</translation>
    </message>
    <message>
        <source>An SQLite database has no roles: its file is readable and writable by its owner alone. Database roles are for a shared PostgreSQL server.</source>
        <translation>SQLite 数据库没有角色：其文件仅所有者可读写。数据库角色用于共享的 PostgreSQL 服务器。</translation>
    </message>
    <message>
        <source>'{role}' is not a usable role name (letters, digits and '_').</source>
        <translation>“{role}”不是可用的角色名（仅限字母、数字和“_”）。</translation>
    </message>
    <message>
        <source>Complaint {complaint} names no IP authority to transfer to: accept it for transfer with an authority, or transfer it, first.</source>
        <translation>投诉 {complaint} 未指定移交的知识产权主管部门：请先在受理待移交时指定主管部门，或先完成移交。</translation>
    </message>
    <message>
        <source>Case {case} was not referred to an authority: take the step 'Refer to an authority' first.</source>
        <translation>案件 {case} 尚未移交有关部门：请先执行“移交有关部门”步骤。</translation>
    </message>
    <message>
        <source>Case {case} has no decision yet; a decision (处理意见书) is printed after it.</source>
        <translation>案件 {case} 尚未作出处理决定；处理意见书须在作出处理决定后打印。</translation>
    </message>
    <message>
        <source>Case {case} has no detained items: no exhibit was ordered kept in custody (暂存保管).</source>
        <translation>案件 {case} 没有暂存展品：未要求将展品交由本中心暂存保管。</translation>
    </message>
    <message>
        <source>Case {case} has not been re-inspected yet.</source>
        <translation>案件 {case} 尚未复查。</translation>
    </message>
    <message>
        <source>The defence deadline of case {case} has passed: a notice of complaint issued now would state a deadline already over. Reprint the notice served on the respondent, or go on with the case.</source>
        <translation>案件 {case} 的答辩期限已届满：现在签发的投诉通知书将载明一个已经过去的期限。请重印已送达被投诉人的通知书，或继续办理该案件。</translation>
    </message>
    <message>
        <source>Case {case} has not been escalated.</source>
        <translation>案件 {case} 尚未升级处理。</translation>
    </message>
    <message>
        <source>Nothing has been served in case {case} yet: issue the notice of complaint or the decision first.</source>
        <translation>案件 {case} 尚未送达任何文书：请先签发投诉通知书或处理意见书。</translation>
    </message>
    <message>
        <source>The {document} ({title}) cannot be printed for {level} {number} now: it is {state_en} ({state_zh}), and this document applies {when}.</source>
        <translation>{level} {number} 目前不能打印{title}（{document}）：当前状态为{state_zh}（{state_en}），而此文书适用于{when}。</translation>
    </message>
    <message>
        <source>Case {case} has no ordered measure.</source>
        <translation>案件 {case} 尚未要求采取措施。</translation>
    </message>
    <message>
        <source>The {document} has no separate copies; leave out the copy.</source>
        <translation>文书“{document}”不区分双方副本；请勿指定副本。</translation>
    </message>
    <message>
        <source>'{code}' is not a kind of document; choose one of {kinds}.</source>
        <translation>“{code}”不是有效的文书种类；请从以下种类中选择：{kinds}。</translation>
    </message>
    <message>
        <source>The {document} ({title}) is served on both parties: say which copy to print, complainant or respondent.</source>
        <translation>{title}（{document}）须送达双方当事人：请指明打印投诉人还是被投诉人的副本。</translation>
    </message>
    <message>
        <source>in every state of a complaint</source>
        <translation>投诉的任何状态</translation>
    </message>
    <message>
        <source>while the complainant is asked to supplement materials</source>
        <translation>要求投诉人补正材料期间</translation>
    </message>
    <message>
        <source>once the complaint is not accepted</source>
        <translation>投诉不予受理之后</translation>
    </message>
    <message>
        <source>once the complaint is accepted</source>
        <translation>投诉受理之后</translation>
    </message>
    <message>
        <source>once the complaint is accepted for transfer or transferred</source>
        <translation>投诉受理待移交或已移交之后</translation>
    </message>
    <message>
        <source>once the case is referred to an authority</source>
        <translation>案件移交有关部门后</translation>
    </message>
    <message>
        <source>once the respondent is notified, while the defence period runs</source>
        <translation>通知被投诉人之后的答辩期内</translation>
    </message>
    <message>
        <source>once the respondent has been notified</source>
        <translation>已通知被投诉人之后</translation>
    </message>
    <message>
        <source>while the case is in mediation or once it is settled</source>
        <translation>案件调解期间或和解之后</translation>
    </message>
    <message>
        <source>once the case is decided</source>
        <translation>案件作出处理决定之后</translation>
    </message>
    <message>
        <source>once measures are ordered</source>
        <translation>要求采取措施之后</translation>
    </message>
    <message>
        <source>once exhibits are detained</source>
        <translation>展品交由本中心暂存保管之后</translation>
    </message>
    <message>
        <source>once the ordered measures have been re-inspected</source>
        <translation>所要求的措施经复查之后</translation>
    </message>
    <message>
        <source>once the case is escalated after a failed re-inspection</source>
        <translation>复查未通过、案件升级处理之后</translation>
    </message>
    <message>
        <source>while the display is suspended or ordered measures are in force at the booth</source>
        <translation>在暂停展出期间或所要求的措施在展位执行期间</translation>
    </message>
    <message>
        <source>once the case is finished (closed, settled, withdrawn, referred or handed over)</source>
        <translation>案件办结之后（结案、和解、撤回、移交有关部门或转展后追查）</translation>
    </message>
    <message>
        <source>in every state of a case</source>
        <translation>案件的任何状态</translation>
    </message>
    <message>
        <source>Reading a PDF needs pypdfium2 (pip) or pdftoppm (Debian's poppler-utils).</source>
        <translation>读取 PDF 需要 pypdfium2（pip）或 pdftoppm（Debian 的 poppler-utils）。</translation>
    </message>
    <message>
        <source>Reading QR codes needs the zbar library (install Debian's libzbar0 or the pyzbar package): {reason}</source>
        <translation>读取二维码需要 zbar 库（请安装 Debian 的 libzbar0 或 pyzbar 软件包）：{reason}</translation>
    </message>
    <message>
        <source>This file cannot be read as a PDF ({reason}).</source>
        <translation>无法将此文件作为 PDF 读取（{reason}）。</translation>
    </message>
    <message>
        <source>This file cannot be read as a PDF.</source>
        <translation>无法将此文件作为 PDF 读取。</translation>
    </message>
    <message>
        <source>This file is neither a PDF nor a picture FairDesk can read ({reason}).</source>
        <translation>此文件既不是 PDF，也不是 FairDesk 可读取的图片（{reason}）。</translation>
    </message>
    <message>
        <source>the signature part of the code is damaged</source>
        <translation>二维码的签名部分已损坏</translation>
    </message>
    <message>
        <source>nothing to check: the text is empty</source>
        <translation>没有可核验的内容：文本为空</translation>
    </message>
    <message>
        <source>this is not a FairDesk document code (it should start with 'FD1.')</source>
        <translation>这不是 FairDesk 文书二维码（应以“FD1.”或“FD2.”开头）</translation>
    </message>
    <message>
        <source>this FairDesk code is damaged or incomplete (expected FD1.[document number].[86-character signature])</source>
        <translation>此 FairDesk 二维码已损坏或不完整（应为 FD1.[文书编号].[86 个字符的签名]）</translation>
    </message>
    <message>
        <source>this FairDesk code is damaged or incomplete (expected FD2.[document number].[key].[certificate].[signature])</source>
        <translation>此 FairDesk 二维码已损坏或不完整（应为 FD2.[文书编号].[密钥].[证书].[签名]）</translation>
    </message>
    <message>
        <source>Right {number} is held by {holder}, not by the complainant {complainant}: the complainant cannot complain as the right holder. Record its standing as an exclusive, sole or simple licensee and receive the licence contract (a simple licensee also needs the holder's authorisation), or reject the complaint for lack of standing.</source>
        <translation>权利 {number} 的权利人为 {holder}，并非投诉人 {complainant}：投诉人不能以权利人身份投诉。请登记其被许可人身份（独占、排他或普通被许可人）并收取许可合同（普通被许可人另需权利人的明确授权），或以投诉人不具备投诉资格为由不予受理。</translation>
    </message>
    <message>
        <source>Trademark {number} rests on a Madrid registration designating China: enter its international registration number.</source>
        <translation>商标 {number} 以指定中国的马德里国际注册为依据：请填写其国际注册号。</translation>
    </message>
    <message>
        <source>Enter the patent or registration number.</source>
        <translation>请填写专利号或注册号。</translation>
    </message>
    <message>
        <source>Right {number} expired on {valid_until}; reject the complaint, or correct the right's validity.</source>
        <translation>权利 {number} 已于 {valid_until} 期满；请不予受理该投诉，或更正该权利的有效期。</translation>
    </message>
    <message>
        <source>Right {number} is not in force before {valid_from}; reject the complaint, or correct the right's validity.</source>
        <translation>权利 {number} 自 {valid_from} 起才生效；请不予受理该投诉，或更正该权利的有效期。</translation>
    </message>
    <message>
        <source>Only {who} staff may {permission}; you are signed in as {role}.</source>
        <translation>只有{who}可以{permission}；您当前的登录身份为{role}。</translation>
    </message>
    <message>
        <source>There is no step called '{action}' for a {entity}.</source>
        <translation>{entity}没有名为“{action}”的操作步骤。</translation>
    </message>
    <message>
        <source>Complaint {number} is {state}: accept it before notifying the respondent.</source>
        <translation>投诉 {number} 当前为“{state}”：须先受理，再通知被投诉人。</translation>
    </message>
    <message>
        <source>The defence period of {number} is not over (due {due}); it cannot be marked overdue yet.</source>
        <translation>{number} 的答辩期尚未届满（截止 {due}），尚不能记为逾期未答辩。</translation>
    </message>
    <message>
        <source>The time of service of {number} is not recorded, and the defence period runs from it: record it from the proof of service first (step '{step}').</source>
        <translation>{number} 的送达时间尚未登记，答辩期自送达之时起算：请先按送达回证登记送达时间（步骤“{step}”）。</translation>
    </message>
    <message>
        <source>The notice of {number} was served at {served}; the defence period runs from then.</source>
        <translation>{number} 的投诉通知书已于 {served} 送达，答辩期自该时起算。</translation>
    </message>
    <message>
        <source>The fair closes at {closes}; open cases go to post-fair follow-up after that.</source>
        <translation>展会于 {closes} 闭幕；此后未结案件转入展后跟踪。</translation>
    </message>
    <message>
        <source>The display of the accused exhibits of {number} is already suspended.</source>
        <translation>{number} 的被控展品已暂停展示。</translation>
    </message>
    <message>
        <source>{number} has no exhibits in custody to hand back.</source>
        <translation>{number} 没有暂存保管中的展品可退还。</translation>
    </message>
    <message>
        <source>{number} has no ordered measure whose undertaking is still to be signed.</source>
        <translation>{number} 没有待签署承诺书的整改措施。</translation>
    </message>
    <message>
        <source>The exhibits of {number} stay in custody until the fair closes at {closes}; they are handed back from then on.</source>
        <translation>{number} 的展品暂存保管至展会于{closes}闭幕；闭幕后方可退还。</translation>
    </message>
    <message>
        <source>{number}: the trigger '{trigger}' needs the defence to have been marked overdue; the respondent answered in time.</source>
        <translation>{number}：依据“{trigger}”作出处理须以逾期未答辩为前提；被投诉人已按时答辩。</translation>
    </message>
    <message>
        <source>A stationed IP officer decides for the IP office: name the deciding organ.</source>
        <translation>派驻人员代表知识产权管理部门作出处理：请填写作出处理的机关。</translation>
    </message>
    <message>
        <source>'{step}' needs what was received: materials, the signed commitment or the power of attorney.</source>
        <translation>“{step}”须登记收到的内容：材料、已签署的承诺书或授权委托书。</translation>
    </message>
    <message>
        <source>{number} was not found infringing: only a finding of infringement can be referred to the credit platform.</source>
        <translation>{number} 未被认定侵权：只有认定侵权的案件才能报送信用平台。</translation>
    </message>
    <message>
        <source>{number}: a ban from the next edition may be proposed only for an exhibitor found infringing at consecutive editions (2006 Measures Art 35), and the watch list shows no such record; choose leaving the fair or cancelling participation.</source>
        <translation>{number}：只有在连续届次展会上被认定侵权的参展方，才可建议禁止其参加下一届展会（2006年《展会知识产权保护办法》第三十五条），而重点关注名单中没有此类记录；请选择撤展或取消参展资格。</translation>
    </message>
    <message>
        <source>{number}: a finding of infringement says which right each exhibit infringes, and {exhibits} is linked to none of the complaint's rights; link it first (step 'Link an exhibit to its rights').</source>
        <translation>{number}：认定侵权须写明每件展品侵犯的权利，而{exhibits}未与投诉所依据的任何权利关联；请先关联（操作“指明展品涉嫌侵犯的权利”）。</translation>
    </message>
    <message>
        <source>{number}: the complaint also relies on {rights}, which no exhibit is accused under; say what becomes of that claim.</source>
        <translation>{number}：投诉还依据{rights}，但没有展品涉嫌侵犯该权利；请写明对该主张的处理意见。</translation>
    </message>
    <message>
        <source>{number}: the measure is due at {due}; before then a re-inspection may find it not carried out only if the exhibit was displayed again (the signed undertaking broken).</source>
        <translation>{number}：整改期限为{due}；期限届满前，仅在展品被重新展出（违反所签承诺书）时，复查方可认定措施未落实。</translation>
    </message>
    <message>
        <source>{number}: the re-inspection is due at {due}; escalate after that, or when a re-inspection found the exhibit displayed again.</source>
        <translation>{number}：复查期限为{due}；请在期限届满后，或复查发现展品重新展出时，再采取进一步处理措施。</translation>
    </message>
    <message>
        <source>Complaint {number}: {valid} is valid in China, so the complaint cannot be rejected as not valid in China: accept it for the valid rights (a right not valid in China is listed as not accepted on the receipt).</source>
        <translation>投诉 {number}：{valid} 在中国有效，不能以“权利在中国不受保护”为由对整件投诉不予受理：请就有效的权利受理投诉（在中国不受保护的权利在受理回执中列为不予受理）。</translation>
    </message>
    <message>
        <source>'{step}' needs {requirement}.</source>
        <translation>“{step}”须填写{requirement}。</translation>
    </message>
    <message>
        <source>'{step}': '{value}' cannot be read as {requirement}; write it as {example}.</source>
        <translation>“{step}”：无法将“{value}”识别为{requirement}；请按 {example} 的格式填写。</translation>
    </message>
    <message>
        <source>The defence period of {number} is not over (due unknown); it cannot be marked overdue yet.</source>
        <translation>{number} 的答辩期尚未届满（截止时间未知），尚不能记为逾期未答辩。</translation>
    </message>
    <message>
        <source>The notice of {number} was served at {served}; the defence period runs from then. It would end while the fair is closed, so it is due at the next opening hour: {due}.</source>
        <translation>{number} 的投诉通知书已于 {served} 送达，答辩期自该时起算；期满时展会未开放，故顺延至下一开放时间：{due}。</translation>
    </message>
    <message>
        <source>The deciding organ is the office alone (e.g. 上海市知识产权局): '{word}' names a person. The officer who decides is recorded as the user taking this step.</source>
        <translation>作出处理的机关只填写机关名称（如上海市知识产权局）：“{word}”是人员的称谓。作出处理的派驻人员以执行本步骤的用户记录。</translation>
    </message>
    <message>
        <source>The time of service {served} is in the future.</source>
        <translation>送达时间 {served} 晚于当前时间。</translation>
    </message>
    <message>
        <source>The time of service {served} is before the complaint was accepted ({accepted}).</source>
        <translation>送达时间 {served} 早于投诉受理时间（{accepted}）。</translation>
    </message>
    <message>
        <source>'{code}' is not a valid unified social credit code (18 characters, the last a check character).</source>
        <translation>“{code}”不是有效的统一社会信用代码（18 位，最后一位为校验码）。</translation>
    </message>
    <message>
        <source>The publication period is {months} months; give 3 to 36 months.</source>
        <translation>公示期为 {months} 个月；请填写 3 至 36 个月。</translation>
    </message>
    <message>
        <source>{number} has no single accused exhibit '{exhibit}'; give its number in the list (1 to {count}), its model or its name.</source>
        <translation>{number}没有唯一对应“{exhibit}”的涉嫌侵权展品；请填写展品在列表中的序号（1至{count}）、型号或名称。</translation>
    </message>
    <message>
        <source>The complaint of {number} does not rely on {unknown}; its accepted rights are {rights}.</source>
        <translation>{number}所属投诉不以{unknown}为依据；已受理的权利为{rights}。</translation>
    </message>
    <message>
        <source>Complaint {number} names no right {unknown}; its rights are {rights}.</source>
        <translation>投诉 {number} 未列有权利 {unknown}；该投诉的权利为 {rights}。</translation>
    </message>
    <message>
        <source>Say why the rights {rights} are not accepted.</source>
        <translation>请说明对权利 {rights} 不予受理的理由。</translation>
    </message>
    <message>
        <source>No right of complaint {number} would be accepted: reject the complaint instead.</source>
        <translation>投诉 {number} 的权利均不予受理：请改为对整件投诉不予受理。</translation>
    </message>
    <message>
        <source>'{step}': '{value}' is not accepted as {requirement}; use one of {choices}.</source>
        <translation>“{step}”：{requirement}不接受“{value}”；请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <source>'{step}': {requirement} is {length} characters long; at most {limit} fit.</source>
        <translation>“{step}”：{requirement}长 {length} 个字符；最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>'{step}' takes no field {names}; it takes {fields}.</source>
        <translation>“{step}”没有字段 {names}；可填字段为 {fields}。</translation>
    </message>
    <message>
        <source>'{step}' is for {allowed} staff; you are signed in as {role}.</source>
        <translation>“{step}”由{allowed}办理；您当前的登录身份为{role}。</translation>
    </message>
    <message>
        <source>'{step}' is taken only when the {entity} is {sources}; this one is {state}.</source>
        <translation>只有{entity}处于“{sources}”时才能“{step}”；当前为“{state}”。</translation>
    </message>
    <message>
        <source>'{step}' is not a step of a {kind}.</source>
        <translation>“{step}”不是{kind}的办理步骤。</translation>
    </message>
    <message>
        <source>Cannot write in {folder}: {reason}.</source>
        <translation>无法在 {folder} 中写入：{reason}。</translation>
    </message>
    <message>
        <source>A decision has no field {fields}.</source>
        <translation>处理决定没有字段 {fields}。</translation>
    </message>
    <message>
        <source>'{trigger}' is not a trigger of a finding.</source>
        <translation>“{trigger}”不是有效的认定依据。</translation>
    </message>
    <message>
        <source>Correcting a recorded decision needs a reason.</source>
        <translation>更正已记录的处理决定须说明理由。</translation>
    </message>
    <message>
        <source>A patrol finding has no field {fields}.</source>
        <translation>巡查结果没有字段 {fields}。</translation>
    </message>
    <message>
        <source>'{finding}' is not a patrol finding.</source>
        <translation>“{finding}”不是有效的巡查结果。</translation>
    </message>
    <message>
        <source>Correcting a recorded patrol finding needs a reason.</source>
        <translation>更正已记录的巡查结果须说明理由。</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>案件 {number}</translation>
    </message>
    <message>
        <source>Case {number} has no decision to correct yet.</source>
        <translation>案件 {number} 尚无可更正的处理决定。</translation>
    </message>
    <message>
        <source>There is no patrol visit {uid}.</source>
        <translation>不存在巡查记录 {uid}。</translation>
    </message>
    <message>
        <source>Visit {number}</source>
        <translation>巡查记录 {number}</translation>
    </message>
    <message>
        <source>There is no user '{username}'.</source>
        <translation>没有用户“{username}”。</translation>
    </message>
    <message>
        <source>Cases can only be assigned to an active desk user; '{username}' is inactive.</source>
        <translation>案件只能分派给在用的受理人员账户；“{username}”已停用。</translation>
    </message>
    <message>
        <source>Cases can only be assigned to an active desk user; '{username}' is {role}.</source>
        <translation>案件只能分派给在用的受理人员账户；“{username}”是{role}。</translation>
    </message>
    <message>
        <source>Select at least one case to assign.</source>
        <translation>请至少选择一个要分派的案件。</translation>
    </message>
    <message>
        <source>Cannot export to '{name}': give a file ending in .csv or .xlsx.</source>
        <translation>无法导出到“{name}”：请指定以 .csv 或 .xlsx 结尾的文件。</translation>
    </message>
    <message>
        <source>There is no respondent case numbered '{number}'.</source>
        <translation>不存在编号为“{number}”的被投诉案件。</translation>
    </message>
    <message>
        <source>There is no complaint numbered '{number}'.</source>
        <translation>不存在编号为“{number}”的投诉。</translation>
    </message>
    <message>
        <source>A search is at most {limit} characters; this one has {count}.</source>
        <translation>搜索内容最多 {limit} 个字符；当前为 {count} 个。</translation>
    </message>
    <message>
        <source>Cannot sort by '{sort}'; use one of {keys}.</source>
        <translation>无法按“{sort}”排序；请使用以下之一：{keys}。</translation>
    </message>
    <message>
        <source>'due within' needs a number of hours of zero or more.</source>
        <translation>“到期时限”须为大于或等于零的小时数。</translation>
    </message>
    <message>
        <source>Pausing a deadline needs a reason (e.g. waiting for a translated power of attorney).</source>
        <translation>暂停期限须说明原因（例如：等待授权委托书译文）。</translation>
    </message>
    <message>
        <source>The {kind} deadline of {number} cannot be resumed: it is {status}.</source>
        <translation>{number} 的{kind}期限无法恢复：该期限当前状态为“{status}”。</translation>
    </message>
    <message>
        <source>The {kind} deadline of {number} cannot be paused: it is {status}.</source>
        <translation>{number} 的{kind}期限无法暂停：该期限当前状态为“{status}”。</translation>
    </message>
    <message>
        <source>{label} was changed by {user} at {time} ({action}) after you opened it; it is now {state}. Reload it; your input is kept so you can apply it again.</source>
        <translation>{label} 在您打开后已被 {user} 于 {time} 修改（{action}），当前状态为“{state}”。请刷新；您已填写的内容会保留，可再次提交。</translation>
    </message>
    <message>
        <source>Complaint {number}</source>
        <translation>投诉 {number}</translation>
    </message>
    <message>
        <source>{label} was changed after you opened it; it is now {state}. Reload it; your input is kept so you can apply it again.</source>
        <translation>{label} 在您打开后已被修改，当前状态为“{state}”。请刷新；您已填写的内容会保留，可再次提交。</translation>
    </message>
    <message>
        <source>{label} was changed by another desk at the same moment; reload it and apply your change again.</source>
        <translation>{label} 同时被其他受理人员修改；请刷新后重新提交您的修改。</translation>
    </message>
    <message>
        <source>There is no complaint or respondent case numbered '{number}'.</source>
        <translation>不存在编号为“{number}”的投诉或被投诉案件。</translation>
    </message>
    <message>
        <source>{file} holds no audit chain anchor (a line like 'Audit chain #123: &lt;hash&gt;').</source>
        <translation>{file} 中没有审计链锚点（形如“Audit chain #123: &lt;hash&gt;”的一行）。</translation>
    </message>
    <message>
        <source>{file} is a PDF: its anchor is taken only once its QR code is checked against the register.</source>
        <translation>{file} 是 PDF 文件：只有在其二维码与登记簿核对无误后，才会采用其中的锚点。</translation>
    </message>
    <message>
        <source>Document {number} was issued before documents signed the audit chain's head: it gives no anchor.</source>
        <translation>文书 {number} 出具于文书签署审计链链头之前：它不提供锚点。</translation>
    </message>
    <message>
        <source>'{given}' is neither a 64-character hash nor a readable file: {reason}.</source>
        <translation>“{given}”既不是 64 位哈希值，也不是可读取的文件：{reason}。</translation>
    </message>
    <message>
        <source>The demo fairs {fairs} already exist; the demo never overwrites a fair. Use an empty data folder (--data-dir), or add demo cases to it with --fair {last}.</source>
        <translation>演示展会 {fairs} 已存在；演示数据不会覆盖已有展会。请使用空的数据文件夹（--data-dir），或用 --fair {last} 向其中添加演示案件。</translation>
    </message>
    <message>
        <source>The fair {code} has not opened yet; demo complaints need a fair that is open or over.</source>
        <translation>展会 {code} 尚未开幕；演示投诉需要一个正在举办或已结束的展会。</translation>
    </message>
    <message>
        <source>The demo needs 0 or more complaints, at least 1 edition and at least 10 exhibitors.</source>
        <translation>演示数据的投诉数量不能为负数，且至少需要 1 届展会和 10 家展商。</translation>
    </message>
    <message>
        <source>The demo fair {fair} already exists; the demo never overwrites a fair. Use an empty data folder (--data-dir), or add demo cases to it with --fair {fair}.</source>
        <translation>演示展会 {fair} 已存在；演示数据不会覆盖已有展会。请使用空的数据文件夹（--data-dir），或用 --fair {fair} 向其中添加演示案件。</translation>
    </message>
    <message>
        <source>The fair {code} opens {opening:%Y-%m-%d %H:%M}; demo complaints need a fair that is open or over.</source>
        <translation>展会 {code} 将于 {opening:%Y-%m-%d %H:%M} 开幕；演示投诉需要一个正在举办或已结束的展会。</translation>
    </message>
    <message>
        <source>The fair {code} has no exhibitors with a booth; import its exhibitor list first (fairdesk import exhibitors).</source>
        <translation>展会 {code} 没有带展位的展商；请先导入其展商名单（fairdesk import exhibitors）。</translation>
    </message>
    <message>
        <source>The demo needs '{username}' to be a {role} user, but it is {existing}; use another data folder for the demo.</source>
        <translation>演示需要用户“{username}”的角色为{role}，但其当前为{existing}；请为演示使用其他数据文件夹。</translation>
    </message>
    <message>
        <source>The demo user '{username}' is disabled; enable it or use another data folder for the demo.</source>
        <translation>演示用户“{username}”已停用；请启用该用户，或为演示使用其他数据文件夹。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has no recognizable header: could not find a header row with an exhibitor name and booth column; expected columns such as 展商名称 / Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} has {found} but no exhibitor name column.</source>
        <translation>展商文件“{file}”没有可识别的表头：在前 {rows} 行内未找到包含展商名称列和展位号列的表头行；应有“展商名称 / Exhibitor Name”和“展位号 / Booth No.”等列。第 {row} 行有 {found}，但没有展商名称列。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is neither UTF-8 nor GB18030 text (first unreadable byte at position {position}); save it as .xlsx or CSV UTF-8.</source>
        <translation>展商文件“{file}”既不是 UTF-8 也不是 GB18030 文本（第一个无法读取的字节位于位置 {position}）；请另存为 .xlsx 或 CSV UTF-8 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a PNG image, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是PNG 图片，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a JPEG image, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是JPEG 图片，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a GIF image, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是GIF 图片，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a BMP image, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是BMP 图片，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a PDF document, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是PDF 文档，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a gzip archive, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是gzip 压缩文件，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a 7-Zip archive, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是7-Zip 压缩文件，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a RAR archive, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是RAR 压缩文件，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a Windows program, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是Windows 程序，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; looks like a program, not a spreadsheet; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”似乎是程序，而不是电子表格；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has no recognizable header: could not find a header row with an exhibitor name and booth column; expected columns such as 展商名称 / Exhibitor Name and 展位号 / Booth No. within the first {rows} rows.</source>
        <translation>展商文件“{file}”没有可识别的表头：在前 {rows} 行内未找到包含展商名称列和展位号列的表头行；应有“展商名称 / Exhibitor Name”和“展位号 / Booth No.”等列。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has no recognizable header: could not find a header row with an exhibitor name and booth column; expected columns such as 展商名称 / Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} of sheet &quot;{sheet}&quot; has {found} but no booth column.</source>
        <translation>展商文件“{file}”没有可识别的表头：在前 {rows} 行内未找到包含展商名称列和展位号列的表头行；应有“展商名称 / Exhibitor Name”和“展位号 / Booth No.”等列。工作表“{sheet}”的第 {row} 行有 {found}，但没有展位号列。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has no recognizable header: could not find a header row with an exhibitor name and booth column; expected columns such as 展商名称 / Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} of sheet &quot;{sheet}&quot; has {found} but no exhibitor name column.</source>
        <translation>展商文件“{file}”没有可识别的表头：在前 {rows} 行内未找到包含展商名称列和展位号列的表头行；应有“展商名称 / Exhibitor Name”和“展位号 / Booth No.”等列。工作表“{sheet}”的第 {row} 行有 {found}，但没有展商名称列。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has no recognizable header: could not find a header row with an exhibitor name and booth column; expected columns such as 展商名称 / Exhibitor Name and 展位号 / Booth No. within the first {rows} rows. Row {row} has {found} but no booth column.</source>
        <translation>展商文件“{file}”没有可识别的表头：在前 {rows} 行内未找到包含展商名称列和展位号列的表头行；应有“展商名称 / Exhibitor Name”和“展位号 / Booth No.”等列。第 {row} 行有 {found}，但没有展位号列。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is a folder, not a file.</source>
        <translation>展商文件“{file}”是文件夹，而不是文件。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has an unsupported file type {ext}; use an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>展商文件“{file}”的文件类型 {ext} 不受支持；请使用 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is empty.</source>
        <translation>展商文件“{file}”是空文件。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is {size}, more than the {limit} limit for exhibitor lists.</source>
        <translation>展商文件“{file}”大小为 {size}，超过了展商名单 {limit} 的上限。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is in the old Excel 97-2003 format (.xls); open it in Excel and save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”为旧版 Excel 97-2003 格式（.xls）；请在 Excel 中打开并另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is a ZIP archive but not an Excel workbook; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”是 ZIP 压缩文件，而不是 Excel 工作簿；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is not a real Excel workbook (.xls files cannot be read); save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”不是真正的 Excel 工作簿（无法读取 .xls 文件）；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is not a valid Excel workbook; open it in Excel and save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”不是有效的 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; contains binary data, not spreadsheet text; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”包含二进制数据，而不是电子表格文本；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is empty: no sheet has any data.</source>
        <translation>展商文件“{file}”是空的：所有工作表都没有数据。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; does not exist (looked for {path}).</source>
        <translation>展商文件“{file}”不存在（查找位置：{path}）。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; cannot be read: permission denied.</source>
        <translation>展商文件“{file}”无法读取：没有访问权限。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; cannot be read: {reason}.</source>
        <translation>展商文件“{file}”无法读取：{reason}。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has an unsupported file type (no extension); use an Excel workbook (.xlsx) or a CSV file.</source>
        <translation>展商文件“{file}”的文件类型不受支持（没有扩展名）；请使用 Excel 工作簿（.xlsx）或 CSV 文件。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; cannot be read: permission denied. Close it in Excel or other programs and check that your account may read it.</source>
        <translation>展商文件“{file}”无法读取：没有访问权限。请在 Excel 或其他程序中关闭该文件，并确认您的账户有权读取它。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is password-protected or in the old Excel 97-2003 format; remove the password in Excel and save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”受密码保护或为旧版 Excel 97-2003 格式；请在 Excel 中取消密码并另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is damaged (not a complete Excel workbook); save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”已损坏（不是完整的 Excel 工作簿）；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; cannot be read ({error}).</source>
        <translation>展商文件“{file}”无法读取（{error}）。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is damaged and could not be read after row {row} ({error}); save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”已损坏，第 {row} 行之后的内容无法读取（{error}）；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; is damaged or not a valid Excel workbook ({error}); save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”已损坏或不是有效的 Excel 工作簿（{error}）；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has a problem in row {row} ({error}); check for an unclosed quote mark or a cell that is far too long.</source>
        <translation>展商文件“{file}”第 {row} 行有问题（{error}）；请检查是否有未闭合的引号或内容过长的单元格。</translation>
    </message>
    <message>
        <source>Exhibitor file &quot;{file}&quot; has unreadable text after row {row}; save it as .xlsx or CSV.</source>
        <translation>展商文件“{file}”第 {row} 行之后有无法读取的文字；请另存为 .xlsx 或 CSV 格式。</translation>
    </message>
    <message>
        <source>A page of exhibitors needs an offset and a limit of zero or more.</source>
        <translation>展商分页的偏移量和数量上限不能为负数。</translation>
    </message>
    <message>
        <source>Cannot sort exhibitors by '{sort}'; use one of {keys}.</source>
        <translation>无法按“{sort}”对展商排序；请使用以下之一：{keys}。</translation>
    </message>
    <message>
        <source>There is no exhibitor with the id {id}.</source>
        <translation>没有 ID 为 {id} 的展商。</translation>
    </message>
    <message>
        <source>There is no exhibitor {id}.</source>
        <translation>没有编号为 {id} 的展商。</translation>
    </message>
    <message>
        <source>Line {line}: write a day and its hours, e.g. 2026-11-05 13:00-17:00, or the day and 'closed'.</source>
        <translation>第 {line} 行：请写日期和开放时间，例如 2026-11-05 13:00-17:00，或写日期和“闭馆”。</translation>
    </message>
    <message>
        <source>Line {line}: {day} is not a day of the fair ({start} to {end}).</source>
        <translation>第 {line} 行：{day} 不在展会日期内（{start} 至 {end}）。</translation>
    </message>
    <message>
        <source>Line {line}: {day} is given twice.</source>
        <translation>第 {line} 行：{day} 重复填写。</translation>
    </message>
    <message>
        <source>Line {line}: the hours must look like 09:00-17:00 (or 'closed'), not '{hours}'.</source>
        <translation>第 {line} 行：开放时间应写成 09:00-17:00（或“闭馆”），而不是“{hours}”。</translation>
    </message>
    <message>
        <source>Line {line}: the closing time {closing} is not after the opening time {opening}.</source>
        <translation>第 {line} 行：闭馆时间 {closing} 不晚于开馆时间 {opening}。</translation>
    </message>
    <message>
        <source>The fair {code} closed on {end}, before today ({today}): every deadline of its cases would fall due at once. Check its dates.</source>
        <translation>展会 {code} 已于 {end} 闭幕，早于今天（{today}）：其案件的所有期限都将立即到期。请核对展会日期。</translation>
    </message>
    <message>
        <source>There is no fair with the code '{code}'. No fair is set up yet.</source>
        <translation>没有代码为“{code}”的展会。目前尚未设置任何展会。</translation>
    </message>
    <message>
        <source>The fair needs a code (for example CIIE2026).</source>
        <translation>请填写展会代码（例如 CIIE2026）。</translation>
    </message>
    <message>
        <source>The fair needs a name.</source>
        <translation>请填写展会名称。</translation>
    </message>
    <message>
        <source>The fair's name is longer than {limit} characters.</source>
        <translation>展会名称超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The fair's English name is longer than {limit} characters.</source>
        <translation>展会英文名称超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The fair's venue is longer than {limit} characters.</source>
        <translation>展会场馆超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The service center's address is longer than {limit} characters.</source>
        <translation>服务中心地址超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The service center's telephone is longer than {limit} characters.</source>
        <translation>服务中心电话超过 {limit} 个字符。</translation>
    </message>
    <message>
        <source>There is no fair with the code '{code}'. Known fairs: {known}.</source>
        <translation>没有代码为“{code}”的展会。已有展会：{known}。</translation>
    </message>
    <message>
        <source>The fair code '{code}' must be 1-32 letters, digits, '.', '_' or '-' (for example CIIE2026).</source>
        <translation>展会代码“{code}”须由 1-32 个字母、数字、“.”、“_”或“-”组成（例如 CIIE2026）。</translation>
    </message>
    <message>
        <source>'{timezone}' is not a known time zone (e.g. Asia/Shanghai).</source>
        <translation>“{timezone}”不是可识别的时区（例如 Asia/Shanghai）。</translation>
    </message>
    <message>
        <source>{problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>A fair with the code '{code}' already exists.</source>
        <translation>代码为“{code}”的展会已存在。</translation>
    </message>
    <message>
        <source>Cannot write the screening list to '{name}': use .xlsx or .csv.</source>
        <translation>无法将筛查名单写入“{name}”：请使用 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>An evidence package is one ZIP file: give a name ending in .zip ({path}).</source>
        <translation>证据存证包为一个 ZIP 文件：请给出以 .zip 结尾的文件名（{path}）。</translation>
    </message>
    <message>
        <source>Case {number} has no evidence files to deposit.</source>
        <translation>案件 {number} 没有可存证的证据文件。</translation>
    </message>
    <message>
        <source>The credit list is written as {formats}; '{path}' names none of them.</source>
        <translation>信用报送清单可导出为 {formats}；“{path}”不是其中任何一种。</translation>
    </message>
    <message>
        <source>Case {number} was not referred to an authority: take the step '{step}' first; the package goes where that step sends the case.</source>
        <translation>案件 {number} 尚未移交有关部门：请先执行“{step}”步骤；材料包将送往该步骤指定的部门。</translation>
    </message>
    <message>
        <source>'{name}' is empty (0 bytes): there is nothing to keep as evidence.</source>
        <translation>“{name}”是空文件（0 字节），没有可作为证据保存的内容。</translation>
    </message>
    <message>
        <source>'{name}' is {size:.1f} MB; an evidence file may be at most {limit_mb:.1f} MB ({limit:,} bytes). Take the photo at a lower resolution or scan fewer pages per file.</source>
        <translation>“{name}”大小为 {size:.1f} MB；证据文件最大为 {limit_mb:.1f} MB（{limit:,} 字节）。请以较低的分辨率拍照，或减少每个文件的扫描页数。</translation>
    </message>
    <message>
        <source>'{name}' is a folder, not a photo or scan.</source>
        <translation>“{name}”是文件夹，而不是照片或扫描件。</translation>
    </message>
    <message>
        <source>Only desk and inspector staff may add evidence; you are signed in as {role}.</source>
        <translation>只有受理人员和巡查员可以添加证据；您当前的登录身份为 {role}。</translation>
    </message>
    <message>
        <source>Evidence cannot be attached to a '{owner_type}'; use one of {owner_types}.</source>
        <translation>证据不能附加到“{owner_type}”；请使用以下之一：{owner_types}。</translation>
    </message>
    <message>
        <source>'{purpose}' is not a purpose of evidence; use one of {purposes} or none.</source>
        <translation>“{purpose}”不是有效的证据用途；请使用以下之一：{purposes}，或不填写。</translation>
    </message>
    <message>
        <source>There is no {owner_type} '{owner}' to attach evidence to.</source>
        <translation>找不到要附加证据的{owner_type}“{owner}”。</translation>
    </message>
    <message>
        <source>'{sha256}' is not a SHA-256 (64 hexadecimal characters).</source>
        <translation>“{sha256}”不是有效的 SHA-256 值（应为 64 位十六进制字符）。</translation>
    </message>
    <message>
        <source>No evidence file with SHA-256 {sha}… is registered.</source>
        <translation>没有登记 SHA-256 为 {sha}… 的证据文件。</translation>
    </message>
    <message>
        <source>Evidence file {label} is missing from {where}. Restore the evidence from a backup or import the original again.</source>
        <translation>证据文件 {label} 在 {where} 中缺失。请从备份中恢复证据，或重新导入原件。</translation>
    </message>
    <message>
        <source>Evidence file {label} is damaged: its content no longer matches the SHA-256 recorded at import ({where}). Do not rely on it; restore it from a backup or import the original again.</source>
        <translation>证据文件 {label} 已损坏：其内容与导入时记录的 SHA-256 不再一致（{where}）。请勿采信该文件；请从备份中恢复，或重新导入原件。</translation>
    </message>
    <message>
        <source>Refusing to write outside {folder}.</source>
        <translation>拒绝写入 {folder} 以外的位置。</translation>
    </message>
    <message>
        <source>Cannot read '{file}': {reason}.</source>
        <translation>无法读取“{file}”：{reason}。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}.</source>
        <translation>无法写入 {file}：{reason}。</translation>
    </message>
    <message>
        <source>Cannot save the evidence file in {folder}: {reason}. Nothing was recorded; free some space or fix the folder and try again.</source>
        <translation>无法将证据文件保存到 {folder}：{reason}。未记录任何内容；请释放磁盘空间或修复该文件夹后重试。</translation>
    </message>
    <message>
        <source>The evidence file {where} cannot be read: {reason}.</source>
        <translation>无法读取证据文件 {where}：{reason}。</translation>
    </message>
    <message>
        <source>The booth position file has errors: {problems}.</source>
        <translation>展位位置文件有错误：{problems}。</translation>
    </message>
    <message>
        <source>The booth position file is empty.</source>
        <translation>展位位置文件为空。</translation>
    </message>
    <message>
        <source>The booth position file lists no booths.</source>
        <translation>展位位置文件中没有列出任何展位。</translation>
    </message>
    <message>
        <source>The booth position file has errors: {problems} (and {more} more).</source>
        <translation>展位位置文件有错误：{problems}（另有 {more} 处）。</translation>
    </message>
    <message>
        <source>The booth position file needs a '{column}' column; its header is (empty) (expected booth,x,y,w,h).</source>
        <translation>展位位置文件需要“{column}”列；其表头为空（应为 booth,x,y,w,h）。</translation>
    </message>
    <message>
        <source>The booth position file needs a '{column}' column; its header is {header} (expected booth,x,y,w,h).</source>
        <translation>展位位置文件需要“{column}”列；其表头为 {header}（应为 booth,x,y,w,h）。</translation>
    </message>
    <message>
        <source>The outbox holds an entry of unknown kind '{kind}'.</source>
        <translation>待发送队列中有一条未知类型（“{kind}”）的记录。</translation>
    </message>
    <message>
        <source>Say which hall the round covers.</source>
        <translation>请指定本轮巡查的展馆。</translation>
    </message>
    <message>
        <source>Type a booth number or scan the booth notice's code.</source>
        <translation>请输入展位号或扫描展位告知书上的二维码。</translation>
    </message>
    <message>
        <source>Cannot open the outbox {path}: {reason}. Findings cannot be kept on this laptop; check the data folder.</source>
        <translation>无法打开待发送队列 {path}：{reason}。巡查结果无法暂存在本机；请检查数据文件夹。</translation>
    </message>
    <message>
        <source>Cannot write to the outbox {path}: {reason}. The finding was not kept; check the laptop's disk.</source>
        <translation>无法写入待发送队列 {path}：{reason}。该巡查结果未能保存；请检查本机磁盘。</translation>
    </message>
    <message>
        <source>The outbox {path} was written by a newer FairDesk; update this laptop's FairDesk before recording findings.</source>
        <translation>待发送队列 {path} 由较新版本的 FairDesk 写入；请先更新本机的 FairDesk，再登记巡查结果。</translation>
    </message>
    <message>
        <source>Complaint {complaint} names {count} respondents ({cases}); type the booth or the case number instead of '{text}'.</source>
        <translation>投诉 {complaint} 涉及 {count} 个被投诉人（{cases}）；请输入展位号或案件编号，而不是“{text}”。</translation>
    </message>
    <message>
        <source>The visit time must carry a time zone.</source>
        <translation>巡查时间必须带有时区。</translation>
    </message>
    <message>
        <source>Hall '{hall}' is not a hall of {fair}; use one of {halls}.</source>
        <translation>“{hall}”不是 {fair} 的展馆；请使用以下展馆之一：{halls}。</translation>
    </message>
    <message>
        <source>There is no patrol round {uid}.</source>
        <translation>不存在巡查轮次 {uid}。</translation>
    </message>
    <message>
        <source>The code names document {number}, which this database does not know: the notice may belong to another fair's database, or be forged. Type the booth number.</source>
        <translation>二维码所指的文书 {number} 不在本数据库中：该告知书可能属于其他展会的数据库，也可能是伪造的。请输入展位号。</translation>
    </message>
    <message>
        <source>Document {number} belongs to case {case} of another fair, not {fair}.</source>
        <translation>文书 {number} 属于其他展会的案件 {case}，而非 {fair}。</translation>
    </message>
    <message>
        <source>'{text}' is too long to be a booth number.</source>
        <translation>“{text}”过长，不是有效的展位号。</translation>
    </message>
    <message>
        <source>The notes are {length} characters; keep them under {limit}.</source>
        <translation>备注共 {length} 个字符；请控制在 {limit} 个字符以内。</translation>
    </message>
    <message>
        <source>'{uid}' is not a record id made by FairDesk (a UUID).</source>
        <translation>“{uid}”不是 FairDesk 生成的记录编号（UUID）。</translation>
    </message>
    <message>
        <source>'{finding}' is not a patrol finding; use one of {findings}.</source>
        <translation>“{finding}”不是有效的巡查结果；请使用以下之一：{findings}。</translation>
    </message>
    <message>
        <source>The start time must carry a time zone.</source>
        <translation>开始时间必须带有时区。</translation>
    </message>
    <message>
        <source>The end time must carry a time zone.</source>
        <translation>结束时间必须带有时区。</translation>
    </message>
    <message>
        <source>Document {number} is not about a case; type the booth number.</source>
        <translation>文书 {number} 不涉及任何案件；请输入展位号。</translation>
    </message>
    <message>
        <source>There is no complaint {number}.</source>
        <translation>不存在投诉 {number}。</translation>
    </message>
    <message>
        <source>Exhibitor {exhibitor} is not at booth {booth}.</source>
        <translation>展商 {exhibitor} 不在展位 {booth}。</translation>
    </message>
    <message>
        <source>There is no case {number}.</source>
        <translation>不存在案件 {number}。</translation>
    </message>
    <message>
        <source>The re-check time must carry a time zone.</source>
        <translation>复查时间必须带有时区。</translation>
    </message>
    <message>
        <source>Case {number} is {state}: there is no measure waiting for a re-check (it may have been checked or closed at the desk meanwhile).</source>
        <translation>案件 {number} 的状态为“{state}”：没有待复查的措施（受理台可能已在此期间完成复查或结案）。</translation>
    </message>
    <message>
        <source>'{result}' is not a re-inspection result; use one of {results}.</source>
        <translation>“{result}”不是有效的复查结果；请使用以下之一：{results}。</translation>
    </message>
    <message>
        <source>Case {number} has no measure ordered yet.</source>
        <translation>案件 {number} 尚未采取处理措施。</translation>
    </message>
    <message>
        <source>The complainant needs a name.</source>
        <translation>请填写投诉人名称。</translation>
    </message>
    <message>
        <source>Each right needs its registration or patent number.</source>
        <translation>每项权利均须填写注册号或专利号。</translation>
    </message>
    <message>
        <source>Right {number}: valid until {valid_until} is before valid from {valid_from}.</source>
        <translation>权利 {number}：有效期截止日（{valid_until}）早于生效日（{valid_from}）。</translation>
    </message>
    <message>
        <source>Respondent {index}: give the booth number or choose the exhibitor.</source>
        <translation>被投诉人 {index}：请填写展位号或选择展商。</translation>
    </message>
    <message>
        <source>Respondent {index}: no exhibitor at booth {booth} in this fair's exhibitor list.</source>
        <translation>被投诉人 {index}：本届展会的展商名单中没有位于展位 {booth} 的展商。</translation>
    </message>
    <message>
        <source>Respondent {index}: booth {booth} is shared by {names}. Say which one.</source>
        <translation>被投诉人 {index}：展位 {booth} 由 {names} 共用。请指明是哪一家。</translation>
    </message>
    <message>
        <source>A complaint names at least one respondent.</source>
        <translation>一件投诉至少须列明一个被投诉人。</translation>
    </message>
    <message>
        <source>An IP complaint names at least one right (patent, trademark, ...).</source>
        <translation>知识产权投诉至少须列明一项权利（专利、商标等）。</translation>
    </message>
    <message>
        <source>A commercial dispute carries no IP rights.</source>
        <translation>商事纠纷不涉及知识产权。</translation>
    </message>
    <message>
        <source>One of the chosen rights is no longer in the register.</source>
        <translation>所选权利中有一项已不在权利登记册中。</translation>
    </message>
    <message>
        <source>The same exhibitor is named twice as a respondent.</source>
        <translation>同一展商被重复列为被投诉人。</translation>
    </message>
    <message>
        <source>The agent needs a name.</source>
        <translation>请填写代理人名称。</translation>
    </message>
    <message>
        <source>'{ip_type}' is not a type of right; use one of {types}.</source>
        <translation>“{ip_type}”不是有效的权利类型；请使用以下之一：{types}。</translation>
    </message>
    <message>
        <source>Respondent {index}: exhibitor {exhibitor} is not at this fair.</source>
        <translation>被投诉人 {index}：展商 {exhibitor} 未参加本届展会。</translation>
    </message>
    <message>
        <source>Exhibit {exhibit}: the complaint names no right {number}.</source>
        <translation>展品“{exhibit}”：本投诉未列出权利 {number}。</translation>
    </message>
    <message>
        <source>A consultation needs its topic (e.g. patent, trademark).</source>
        <translation>咨询登记需要填写咨询事项（例如专利、商标）。</translation>
    </message>
    <message>
        <source>The topic is longer than {limit} characters; put details in the note.</source>
        <translation>咨询事项超过 {limit} 个字符；请将详细内容写在备注中。</translation>
    </message>
    <message>
        <source>{day} is not near fair {fair} ({start} to {end}).</source>
        <translation>{day} 不在展会 {fair}（{start} 至 {end}）前后的时间范围内。</translation>
    </message>
    <message>
        <source>The fair {code} was changed by {user} at {time} after you opened it. Reopen it; your changes were not saved.</source>
        <translation>展会 {code} 在您打开之后已由 {user} 于 {time} 修改。请重新打开；您的修改未保存。</translation>
    </message>
    <message>
        <source>The fair already has {complaints} complaint(s): say why you change its set-up (the reason is kept in the audit trail).</source>
        <translation>本届展会已有 {complaints} 件投诉：请说明修改设置的原因（原因将记入审计记录）。</translation>
    </message>
    <message>
        <source>The fair {code} was changed at another desk at the same moment; reopen it and apply your change again.</source>
        <translation>展会 {code} 同时在另一台受理终端上被修改；请重新打开并再次进行修改。</translation>
    </message>
    <message>
        <source>Cannot export to '{name}': give a file ending in .xlsx, .csv or .pdf.</source>
        <translation>无法导出到“{name}”：请指定以 .xlsx、.csv 或 .pdf 结尾的文件。</translation>
    </message>
    <message>
        <source>Complaint {number} names {count} respondents; a {document} is for one of them: give the case number ({cases}).</source>
        <translation>投诉 {number} 涉及 {count} 个被投诉人；文书“{document}”仅针对其中一个被投诉人：请填写案件编号（{cases}）。</translation>
    </message>
    <message>
        <source>There is no issued document numbered '{number}'.</source>
        <translation>不存在编号为“{number}”的已签发文书。</translation>
    </message>
    <message>
        <source>Reprinting {number} does not give the document that was issued (SHA-256 {digest}… instead of {issued}…): the fonts or the PDF library changed since. Reissue it to print a new signed copy.</source>
        <translation>重印 {number} 得到的文书与签发时的文书不一致（SHA-256 为 {digest}…，而非 {issued}…）：签发后字体或 PDF 库已有变化。请重新签发，以打印一份新的签名文书。</translation>
    </message>
    <message>
        <source>Reissuing a document needs a reason (what was corrected).</source>
        <translation>重新签发文书须说明理由（更正了哪些内容）。</translation>
    </message>
    <message>
        <source>Revoking a document needs a reason.</source>
        <translation>撤销文书须说明理由。</translation>
    </message>
    <message>
        <source>FORGED: the signature does not belong to document {number}. This code was not issued by the service center.</source>
        <translation>伪造：该签名不属于文书 {number}。此二维码并非本服务中心签发。</translation>
    </message>
    <message>
        <source>REVOKED: {number} was superseded by {successor} on {when} ({reason}). Ask for {successor}.</source>
        <translation>已撤销：{number} 已于 {when} 被 {successor} 取代（{reason}）。请索取 {successor}。</translation>
    </message>
    <message>
        <source>REVOKED: {number} was revoked on {when} ({reason}).</source>
        <translation>已撤销：{number} 已于 {when} 撤销（{reason}）。</translation>
    </message>
    <message>
        <source>No document numbered {number} was issued by this service center (or this database is not the one it was issued from).</source>
        <translation>本服务中心未签发编号为 {number} 的文书（或本数据库并非签发该文书的数据库）。</translation>
    </message>
    <message>
        <source>Document {number} names signing key {key}, which this database does not hold.</source>
        <translation>文书 {number} 载明的签名密钥 {key} 不在本数据库中。</translation>
    </message>
    <message>
        <source>GENUINE: {number} was issued by the service center and is in force.</source>
        <translation>真实有效：{number} 由本服务中心签发，现行有效。</translation>
    </message>
    <message>
        <source>FORGED: {number} {why}. This code was not issued by the service center.</source>
        <translation>伪造：{number}{why}。此二维码并非本服务中心签发。</translation>
    </message>
    <message>
        <source>the fingerprint given</source>
        <translation>所给出的指纹</translation>
    </message>
    <message>
        <source>the root key pinned for this installation</source>
        <translation>本安装固定的根密钥</translation>
    </message>
    <message>
        <source>does not chain to {source} ({fingerprint}): this database's root key was replaced</source>
        <translation>无法追溯至{source}（{fingerprint}）：本数据库的根密钥已被替换</translation>
    </message>
    <message>
        <source>NOT THE ISSUED FILE: the QR code of {number} is genuine, but this PDF is not the one that was issued (its bytes differ, although its key text is there). Do not rely on it: reprint the document, or compare the paper with the summary below.</source>
        <translation>并非签发的文件：{number} 的二维码真实，但此 PDF 并非签发时的文件（字节不同，尽管关键文字仍在）。请勿依赖此文件：请重新打印该文书，或将纸质文书与下方摘要逐项核对。</translation>
    </message>
    <message>
        <source>Case {case} has no valid issued document numbered '{number}' to serve.</source>
        <translation>案件 {case} 中没有编号为“{number}”的有效已签发文书可供送达。</translation>
    </message>
    <message>
        <source>Document {number} was revoked ({reason}).</source>
        <translation>文书 {number} 已撤销（{reason}）。</translation>
    </message>
    <message>
        <source>Document {number} cannot be reprinted: {reason}</source>
        <translation>文书{number}无法重印：{reason}</translation>
    </message>
    <message>
        <source>Document {number} is already revoked.</source>
        <translation>文书 {number} 已被撤销。</translation>
    </message>
    <message>
        <source>Document {number} is already revoked ({reason}).</source>
        <translation>文书 {number} 已被撤销（{reason}）。</translation>
    </message>
    <message>
        <source>The register entry of {number} was changed after it was issued: the signature on the paper no longer matches it. Report this to the administrator.</source>
        <translation>{number} 的登记条目在签发后被改动：纸质文书上的签名与其不再相符。请报告管理员。</translation>
    </message>
    <message>
        <source>The stored content of {number} was changed after it was issued. Report this to the administrator.</source>
        <translation>{number} 的存档内容在签发后被改动。请报告管理员。</translation>
    </message>
    <message>
        <source>SPECIMEN: {number} was printed from a demo database; it is an example and proves nothing.</source>
        <translation>样本：{number} 由演示数据库打印，仅为示例，不具任何证明效力。</translation>
    </message>
    <message>
        <source>was not signed by the key its register entry names</source>
        <translation>并非由其登记条目载明的密钥签名</translation>
    </message>
    <message>
        <source>was signed by a key the service center's root key never certified</source>
        <translation>由未经本服务中心根密钥认证的密钥签名</translation>
    </message>
    <message>
        <source>names another root key than the one that certified its signer</source>
        <translation>载明的根密钥与认证其签名人的根密钥不一致</translation>
    </message>
    <message>
        <source>REFUSED: {number} was signed with key {key} after that key was revoked ({reason}). Documents it signed before stay genuine.</source>
        <translation>拒绝：{number} 系在密钥 {key} 撤销后以该密钥签名（{reason}）。该密钥撤销前签署的文书仍然有效。</translation>
    </message>
    <message>
        <source>Its signer's key is certified by this service center's root key, but without the register its content cannot be checked.</source>
        <translation>其签名人的密钥经本服务中心根密钥认证，但没有登记簿，无法核对其内容。</translation>
    </message>
    <message>
        <source>No QR code could be read from this file (is it sharp and whole?).</source>
        <translation>无法从此文件读取二维码（是否清晰完整？）。</translation>
    </message>
    <message>
        <source>The file has no text to compare (a scan?): compare it with the summary.</source>
        <translation>此文件没有可比对的文字（扫描件？）：请与摘要逐项核对。</translation>
    </message>
    <message>
        <source>ALTERED: the QR code of {number} is genuine but the text of this file differs from the issued document (it should read: {expected}).</source>
        <translation>已被篡改：{number} 的二维码真实，但此文件的文字与签发的文书不同（应为：{expected}）。</translation>
    </message>
    <message>
        <source>Document {number} was revoked ({reason}); print {successor} instead.</source>
        <translation>文书 {number} 已撤销（{reason}）；请改为打印 {successor}。</translation>
    </message>
    <message>
        <source>The stored copy of {number} is not the document that was issued: its SHA-256 or its seal differs from the signer's. Reissue it to print a new signed copy.</source>
        <translation>文书{number}的存档副本不是签发时的文书：其SHA-256或签发人的封印不符。请重新签发以打印新的签名文本。</translation>
    </message>
    <message>
        <source>Document {number} is already revoked; reissue {successor} instead.</source>
        <translation>文书 {number} 已被撤销；请改为重新签发 {successor}。</translation>
    </message>
    <message>
        <source>Not a valid document code: {why}.</source>
        <translation>不是有效的文书二维码：{why}。</translation>
    </message>
    <message>
        <source>carries an old-style code its key never signed</source>
        <translation>带有其密钥从未签署的旧式二维码</translation>
    </message>
    <message>
        <source>names a key this installation never had</source>
        <translation>载明的密钥本安装从未拥有</translation>
    </message>
    <message>
        <source>carries a damaged demo certificate</source>
        <translation>带有已损坏的演示证书</translation>
    </message>
    <message>
        <source>The file is byte-identical to the issued PDF.</source>
        <translation>此文件与签发的 PDF 逐字节一致。</translation>
    </message>
    <message>
        <source>{file} carries no readable document QR code, so nothing in it can be trusted as the root key or an anchor: type them from paper instead.</source>
        <translation>{file} 中没有可读取的文书二维码，其中任何内容都不能作为根密钥或锚点：请改为按纸质文书输入。</translation>
    </message>
    <message>
        <source>{file} does not verify against this database's register ({verdict}). If it is the service center's genuine paper, the register or its keys were changed behind the app's back. Its root key and anchor are not taken from it.</source>
        <translation>{file} 与此数据库的登记簿核对不符（{verdict}）。如果它是服务中心出具的真实文书，则登记簿或其密钥已被绕过本软件改动。不采用其中的根密钥和锚点。</translation>
    </message>
    <message>
        <source>Document {number} of {file} is not in this database's register: it was removed behind the app's back, or the file is of another service center.</source>
        <translation>{file} 中的文书 {number} 不在此数据库的登记簿中：它已被绕过本软件删除，或该文件来自其他服务中心。</translation>
    </message>
    <message>
        <source>Document {number} was issued before documents signed the root key: type the fingerprint printed on the service center's paper instead.</source>
        <translation>文书 {number} 出具于文书签署根密钥之前：请改为输入服务中心纸质文书上印制的指纹。</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}.</source>
        <translation>无法读取 {file}：{reason}。</translation>
    </message>
    <message>
        <source>The database {where} cannot be read for a backup: {error}.</source>
        <translation>无法读取数据库 {where} 以进行备份：{error}。</translation>
    </message>
    <message>
        <source>{label} is not a FairDesk backup: its {manifest} is not a FairDesk backup manifest.</source>
        <translation>{label} 不是 FairDesk 备份：其中的 {manifest} 不是 FairDesk 备份清单。</translation>
    </message>
    <message>
        <source>{label} is damaged: {name} does not match the checksum in its manifest (the file was changed or corrupted).</source>
        <translation>{label} 已损坏：{name} 与清单中的校验值不符（该文件已被改动或损坏）。</translation>
    </message>
    <message>
        <source>it is not signed</source>
        <translation>它没有签名</translation>
    </message>
    <message>
        <source>it is signed under another root key</source>
        <translation>它由另一根密钥签名</translation>
    </message>
    <message>
        <source>Keep at least one automatic backup.</source>
        <translation>至少须保留一份自动备份。</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up or restored.</source>
        <translation>内存数据库无法备份或恢复。</translation>
    </message>
    <message>
        <source>There is no database to back up at {source}.</source>
        <translation>{source} 处没有可备份的数据库。</translation>
    </message>
    <message>
        <source>The disk is full: the backup was not written, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：备份未写入，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}; the backup was not written. Check the folder and its permissions.</source>
        <translation>无法写入 {folder}：{reason}；备份未写入。请检查该文件夹及其权限。</translation>
    </message>
    <message>
        <source>The disk is full: nothing was restored, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：未恢复任何内容，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}; nothing was restored. Check the folder and its permissions.</source>
        <translation>无法写入 {folder}：{reason}；未恢复任何内容。请检查该文件夹及其权限。</translation>
    </message>
    <message>
        <source>The disk is full: the evidence files were not restored, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：证据文件未恢复，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>Cannot write to {folder}: {reason}; the evidence files were not restored. Check the folder and its permissions.</source>
        <translation>无法写入 {folder}：{reason}；证据文件未恢复。请检查该文件夹及其权限。</translation>
    </message>
    <message>
        <source>There is no file {archive}.</source>
        <translation>文件 {archive} 不存在。</translation>
    </message>
    <message>
        <source>{archive} is a folder, not a FairDesk backup.</source>
        <translation>{archive} 是文件夹，不是 FairDesk 备份。</translation>
    </message>
    <message>
        <source>{label} is not a FairDesk backup: it is not a zip archive.</source>
        <translation>{label} 不是 FairDesk 备份：它不是 zip 压缩文件。</translation>
    </message>
    <message>
        <source>{label} is not a FairDesk backup: it has no {manifest}.</source>
        <translation>{label} 不是 FairDesk 备份：其中没有 {manifest}。</translation>
    </message>
    <message>
        <source>{label} is damaged: its manifest lists no database.</source>
        <translation>{label} 已损坏：其清单中未列出数据库。</translation>
    </message>
    <message>
        <source>{label} is damaged: a file is in it twice.</source>
        <translation>{label} 已损坏：其中有文件重复出现。</translation>
    </message>
    <message>
        <source>{label} was made by a newer FairDesk (backup format {version}; this FairDesk reads format {known}). Update FairDesk to restore it.</source>
        <translation>{label} 由更新版本的 FairDesk 创建（备份格式 {version}；本版 FairDesk 可读取格式 {known}）。请更新 FairDesk 后再恢复。</translation>
    </message>
    <message>
        <source>{label} holds a '{kind}' database; FairDesk restores SQLite or PostgreSQL.</source>
        <translation>{label} 中是“{kind}”数据库；FairDesk 只能恢复 SQLite 或 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>{label} holds a database without a FairDesk schema.</source>
        <translation>{label} 中的数据库没有 FairDesk 数据库结构。</translation>
    </message>
    <message>
        <source>{label} holds a database from a newer FairDesk (schema revision {revision}; this FairDesk knows revisions up to {head}). Update FairDesk to restore it.</source>
        <translation>{label} 中的数据库来自更新版本的 FairDesk（数据库结构版本 {revision}；本版 FairDesk 最高支持到版本 {head}）。请更新 FairDesk 后再恢复。</translation>
    </message>
    <message>
        <source>{label} is not a FairDesk backup: it names the file '{name}', which does not belong in one.</source>
        <translation>{label} 不是 FairDesk 备份：其中列有文件“{name}”，该文件不应出现在备份中。</translation>
    </message>
    <message>
        <source>Restore cancelled; nothing was changed.</source>
        <translation>已取消恢复；未作任何更改。</translation>
    </message>
    <message>
        <source>{archive} is a backup of {kind} database; it cannot be restored into {target} database. Nothing was changed.</source>
        <translation>{archive} 是 {kind} 数据库的备份，不能恢复到 {target} 数据库中。未作任何更改。</translation>
    </message>
    <message>
        <source>{archive} was changed after it was made: its seal does not match its manifest. Nothing was changed.</source>
        <translation>{archive} 在生成后被改动过：其签章与清单不符。未做任何更改。</translation>
    </message>
    <message>
        <source>{archive} was not made by this installation ({why}). To replace this database with it anyway, restore it with --foreign. Nothing was changed.</source>
        <translation>{archive} 不是本系统生成的备份（{why}）。如仍要用它替换此数据库，请加 --foreign 恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>an SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>a PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>{label} is damaged: {name} does not match the checksum in its manifest (the file was changed or corrupted). Nothing was changed.</source>
        <translation>{label} 已损坏：{name} 与清单中的校验值不符（该文件已被改动或损坏）。未作任何更改。</translation>
    </message>
    <message>
        <source>{label} is damaged: the database in it does not open as a FairDesk database at schema revision {revision}. Nothing was changed.</source>
        <translation>{label} 已损坏：其中的数据库无法作为数据库结构版本为 {revision} 的 FairDesk 数据库打开。未作任何更改。</translation>
    </message>
    <message>
        <source>pg_dump of {where} failed: {detail}</source>
        <translation>对 {where} 执行 pg_dump 失败：{detail}</translation>
    </message>
    <message>
        <source>The disk is full: pg_dump of {where} failed, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：对 {where} 执行 pg_dump 失败，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>Reading the dump failed: {detail}</source>
        <translation>读取转储文件失败：{detail}</translation>
    </message>
    <message>
        <source>The disk is full: Reading the dump failed, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：读取转储文件失败，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>pg_restore into {where} failed: {detail}</source>
        <translation>执行 pg_restore 恢复到 {where} 失败：{detail}</translation>
    </message>
    <message>
        <source>The disk is full: pg_restore into {where} failed, nothing was written to {folder}. Free some space and try again; what was saved before is intact.</source>
        <translation>磁盘已满：执行 pg_restore 恢复到 {where} 失败，{folder} 中未写入任何内容。请释放部分空间后重试；此前已保存的内容完好无损。</translation>
    </message>
    <message>
        <source>{folder} already exists; choose another file name or move that file first.</source>
        <translation>{folder} 已存在；请另选文件名，或先移走该文件。</translation>
    </message>
    <message>
        <source>{label} cannot be read: {reason}.</source>
        <translation>无法读取 {label}：{reason}。</translation>
    </message>
    <message>
        <source>{label} is damaged or incomplete: the zip archive cannot be read (was the copy cut short?).</source>
        <translation>{label} 已损坏或不完整：无法读取该 zip 压缩文件（复制是否中途中断？）。</translation>
    </message>
    <message>
        <source>{label} is damaged: its {manifest} cannot be read.</source>
        <translation>{label} 已损坏：无法读取其中的 {manifest}。</translation>
    </message>
    <message>
        <source>{label} is damaged: {member} is missing.</source>
        <translation>{label} 已损坏：缺少 {member}。</translation>
    </message>
    <message>
        <source>{label} is damaged: it contains {member}, which its manifest does not list.</source>
        <translation>{label} 已损坏：其中含有清单未列出的 {member}。</translation>
    </message>
    <message>
        <source>{label} is damaged: its {manifest} is incomplete.</source>
        <translation>{label} 已损坏：其中的 {manifest} 不完整。</translation>
    </message>
    <message>
        <source>{refusal} Nothing was changed.</source>
        <translation>{refusal}未作任何更改。</translation>
    </message>
    <message>
        <source>{name} was not found, so FairDesk cannot back up a PostgreSQL database. Install the PostgreSQL client programs, at the server's major version or newer (Debian/Ubuntu: sudo apt install postgresql-client; Windows and macOS: the installer from postgresql.org, or brew install libpq), or set {variable} to the folder that holds {name}.</source>
        <translation>未找到 {name}，FairDesk 无法备份 PostgreSQL 数据库。请安装 PostgreSQL 客户端程序，版本须不低于服务器的主版本（Debian/Ubuntu：sudo apt install postgresql-client；Windows 和 macOS：使用 postgresql.org 提供的安装程序，或 brew install libpq），或将 {variable} 设置为 {name} 所在的文件夹。</translation>
    </message>
    <message>
        <source>{name} was not found, so FairDesk cannot restore a PostgreSQL database. Install the PostgreSQL client programs, at the server's major version or newer (Debian/Ubuntu: sudo apt install postgresql-client; Windows and macOS: the installer from postgresql.org, or brew install libpq), or set {variable} to the folder that holds {name}.</source>
        <translation>未找到 {name}，FairDesk 无法恢复 PostgreSQL 数据库。请安装 PostgreSQL 客户端程序，版本须不低于服务器的主版本（Debian/Ubuntu：sudo apt install postgresql-client；Windows 和 macOS：使用 postgresql.org 提供的安装程序，或 brew install libpq），或将 {variable} 设置为 {name} 所在的文件夹。</translation>
    </message>
    <message>
        <source>{program} could not be started: {error}.</source>
        <translation>无法启动 {program}：{error}。</translation>
    </message>
    <message>
        <source>The database {source} is damaged (integrity check: {result}); no backup was written, so the older backups stay the newest. Restore the last good backup.</source>
        <translation>数据库 {source} 已损坏（完整性检查：{result}）；未写入备份，因此较早的备份仍是最新的备份。请恢复最近一份完好的备份。</translation>
    </message>
    <message>
        <source>The database {path} is in use by another FairDesk or program. Close it everywhere and try again; nothing was changed.</source>
        <translation>数据库 {path} 正被另一个 FairDesk 或其他程序使用。请在各处将其关闭后重试；未作任何更改。</translation>
    </message>
    <message>
        <source>This database already holds a root key, marked revoked behind the app's back: no second root key is made. Run `fairdesk audit verify` and restore the database from a backup.</source>
        <translation>该数据库中已有根密钥，但它已被绕过本软件标记为吊销：不会另建第二把根密钥。请运行 `fairdesk audit verify`，并从备份恢复数据库。</translation>
    </message>
    <message>
        <source>This database's root key is missing, yet {file} pins one for it: it was removed behind the app's back. Restore the database from a backup; no new root key is made over it.</source>
        <translation>数据库中的根密钥缺失，但 {file} 为其固定了根密钥：它已被绕过本软件删除。请从备份恢复数据库；不会另建新的根密钥覆盖它。</translation>
    </message>
    <message>
        <source>Certifying a key needs the root key, which your password unlocks: sign in as an administrator with your password.</source>
        <translation>认证密钥需要根密钥，根密钥由您的密码解锁：请以管理员身份用密码登录。</translation>
    </message>
    <message>
        <source>Revoking a key needs a reason.</source>
        <translation>吊销密钥需要填写原因。</translation>
    </message>
    <message>
        <source>Documents are signed with your own key, which your password unlocks: sign in with your password to issue documents.</source>
        <translation>文书由您本人的密钥签名，该密钥由您的密码解锁：请用密码登录后再签发文书。</translation>
    </message>
    <message>
        <source>This database's root key is not the one pinned for this installation in {file} ({pinned}): it was replaced behind the app's back. No document is issued until an administrator has checked it (fairdesk audit verify).</source>
        <translation>数据库中的根密钥不是 {file} 为本机固定的根密钥（{pinned}）：它已被绕过本软件替换。在管理员核查（fairdesk audit verify）之前不签发任何文书。</translation>
    </message>
    <message>
        <source>The user '{username}' has no key waiting for certification.</source>
        <translation>用户“{username}”没有等待认证的密钥。</translation>
    </message>
    <message>
        <source>The fingerprint given does not match the key of '{username}': do not certify it. Ask {username} to read the fingerprint from their own screen again.</source>
        <translation>所填指纹与“{username}”的密钥不符：请勿认证。请 {username} 从本人屏幕上重新读出指纹。</translation>
    </message>
    <message>
        <source>The user '{username}' has no key in use.</source>
        <translation>用户“{username}”没有正在使用的密钥。</translation>
    </message>
    <message>
        <source>This database's root key is {found}, not {expected}: it is not pinned. Compare with the fingerprint on the service center's genuine documents.</source>
        <translation>数据库中的根密钥是 {found}，而不是 {expected}：未予固定。请与服务中心真实文书上印制的指纹核对。</translation>
    </message>
    <message>
        <source>Your signing key was revoked or replaced: sign in again to issue documents.</source>
        <translation>您的签名密钥已被吊销或更换：请重新登录后再签发文书。</translation>
    </message>
    <message>
        <source>Your signing key waits for an administrator's certification: read its fingerprint {fingerprint} to an administrator, who certifies it in Tools &gt; Users (or `fairdesk keys certify {user} --fingerprint ...`).</source>
        <translation>您的签名密钥正在等待管理员认证：请将其指纹 {fingerprint} 读给管理员，由管理员在“工具 &gt; 用户”中认证（或运行 `fairdesk keys certify {user} --fingerprint ...`）。</translation>
    </message>
    <message>
        <source>Only a new, empty database can become a demo database.</source>
        <translation>只有新的空数据库才能成为演示数据库。</translation>
    </message>
    <message>
        <source>The administrator '{username}' holds no copy of the root key, so this sign-in is refused: their keys were changed behind the app's back. Another administrator sets a new password for them and runs the audit check.</source>
        <translation>管理员“{username}”没有根密钥的副本，因此拒绝此次登录：其密钥已被绕过本软件改动。请另一位管理员为其重设密码，并进行审计核查。</translation>
    </message>
    <message>
        <source>A stored signing key is damaged and cannot be opened.</source>
        <translation>存储的签名密钥已损坏，无法打开。</translation>
    </message>
    <message>
        <source>The password does not open this signing key.</source>
        <translation>该密码无法打开此签名密钥。</translation>
    </message>
    <message>
        <source>Nothing is signed: {problem}. A record this paper prints was changed outside FairDesk; run fairdesk audit verify and put it right (or restore a backup) first.</source>
        <translation>未签发任何文书：{problem}。本文书所载的记录已在 FairDesk 之外被改动；请先运行 fairdesk audit verify 核查并更正（或恢复备份）。</translation>
    </message>
    <message>
        <source>'{given}' is not a root key fingerprint: it has 32 hexadecimal characters, printed in groups of four at the foot of the case dossier.</source>
        <translation>“{given}”不是根密钥指纹：指纹由 32 个十六进制字符组成，每四个一组印在案件卷宗的页脚。</translation>
    </message>
    <message>
        <source>{file} is a PDF: its root key is taken only from a document whose QR code is checked against the register (fairdesk audit verify --root FILE.pdf). Here, type the fingerprint printed on the service center's paper.</source>
        <translation>{file} 是 PDF 文件：只有二维码与登记簿核对无误的文书，才会采用其根密钥（fairdesk audit verify --root FILE.pdf）。此处请输入服务中心纸质文书上印制的指纹。</translation>
    </message>
    <message>
        <source>{file} prints no root key fingerprint (a line 'Root key: XXXX XXXX ...').</source>
        <translation>{file} 中没有根密钥指纹（形如“Root key: XXXX XXXX ...”的一行）。</translation>
    </message>
    <message>
        <source>The folder {path} is not empty; choose a new or empty folder.</source>
        <translation>文件夹 {path} 不是空的；请选择新的或空的文件夹。</translation>
    </message>
    <message>
        <source>This is not a readable package: {reason}.</source>
        <translation>无法读取该材料包：{reason}。</translation>
    </message>
    <message>
        <source>Unknown user name or wrong password.</source>
        <translation>用户名不存在或密码错误。</translation>
    </message>
    <message>
        <source>A user name is 2-64 letters, digits, '.', '_' or '-'.</source>
        <translation>用户名须由 2-64 个字母、数字、“.”、“_”或“-”组成。</translation>
    </message>
    <message>
        <source>The user '{username}' already exists.</source>
        <translation>用户“{username}”已存在。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: the account '{username}' is locked for {minutes} more minutes, or until an admin resets its password.</source>
        <translation>登录失败次数过多：账户“{username}”将再锁定 {minutes} 分钟，或直至管理员重置其密码。</translation>
    </message>
    <message>
        <source>You cannot disable your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>You cannot take the admin role from your own account.</source>
        <translation>不能取消自己账户的管理员角色。</translation>
    </message>
    <message>
        <source>The password record of '{username}' is not the one the audit trail recorded: it was changed behind the app's back, so nobody signs in with it. An administrator sets a new password and runs the audit check.</source>
        <translation>“{username}”的密码记录与审计记录所载的不一致：它已被绕过本软件改动，因此任何人都不能用它登录。请管理员重设密码，并进行审计核查。</translation>
    </message>
    <message>
        <source>'{role}' is not a role; use one of {roles}.</source>
        <translation>“{role}”不是有效的角色；请使用以下之一：{roles}。</translation>
    </message>
    <message>
        <source>The first user must be an admin.</source>
        <translation>第一个用户必须是管理员。</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: the account '{username}' is locked for 1 more minute, or until an admin resets its password.</source>
        <translation>登录失败次数过多：账户“{username}”将再锁定 1 分钟，或直至管理员重置其密码。</translation>
    </message>
    <message>
        <source>'{role}' is not a role.</source>
        <translation>“{role}”不是有效的角色。</translation>
    </message>
    <message>
        <source>The printer {where!r} could not be started (is it connected, or is the file writable?). Nothing was printed.</source>
        <translation>无法启动打印机 {where!r}（打印机是否已连接，或文件是否可写？）。未打印任何内容。</translation>
    </message>
    <message>
        <source>The printer refused a new page; the job was cut short.</source>
        <translation>打印机拒绝了新的一页，打印任务已中断。</translation>
    </message>
    <message>
        <source>FairDesk works with SQLite or PostgreSQL, not '{backend}'.</source>
        <translation>FairDesk 支持 SQLite 或 PostgreSQL，不支持“{backend}”。</translation>
    </message>
    <message>
        <source>Could not open the database: {reason}</source>
        <translation>无法打开数据库：{reason}</translation>
    </message>
    <message>
        <source>{number} was issued but could not be saved to {file}: {reason}. Reprint it from the case's documents.</source>
        <translation>{number} 已签发，但无法保存到 {file}：{reason}。请在案件的文书列表中重印。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>受理人员</translation>
    </message>
    <message>
        <source>inspector</source>
        <translation>巡查人员</translation>
    </message>
    <message>
        <source>organizer</source>
        <translation>主办方</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>知识产权局派驻人员</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>登记中</translation>
    </message>
    <message>
        <source>PENDING_SUPPLEMENT</source>
        <translation>待补正</translation>
    </message>
    <message>
        <source>ACCEPTED</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>TRANSFERRED</source>
        <translation>已移交</translation>
    </message>
    <message>
        <source>REJECTED</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>WITHDRAWN</source>
        <translation>投诉已撤回</translation>
    </message>
    <message>
        <source>TO_NOTIFY</source>
        <translation>待通知</translation>
    </message>
    <message>
        <source>NOTIFIED</source>
        <translation>已通知，答辩期内</translation>
    </message>
    <message>
        <source>SELF_REMEDIED</source>
        <translation>主动撤下展品</translation>
    </message>
    <message>
        <source>MEDIATING</source>
        <translation>调解中</translation>
    </message>
    <message>
        <source>SETTLED</source>
        <translation>已和解</translation>
    </message>
    <message>
        <source>DEFENCE_RECEIVED</source>
        <translation>已答辩</translation>
    </message>
    <message>
        <source>DEFENCE_OVERDUE</source>
        <translation>答辩逾期</translation>
    </message>
    <message>
        <source>UNDER_REVIEW</source>
        <translation>审查中</translation>
    </message>
    <message>
        <source>INFRINGEMENT_FOUND</source>
        <translation>认定侵权</translation>
    </message>
    <message>
        <source>NOT_INFRINGING</source>
        <translation>未认定构成侵权</translation>
    </message>
    <message>
        <source>UNDETERMINED</source>
        <translation>无法认定</translation>
    </message>
    <message>
        <source>REFERRED</source>
        <translation>已移交有关部门</translation>
    </message>
    <message>
        <source>REMEDY_ORDERED</source>
        <translation>已要求整改</translation>
    </message>
    <message>
        <source>RECHECK_DUE</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>RECHECK_PASSED</source>
        <translation>复查通过</translation>
    </message>
    <message>
        <source>RECHECK_FAILED</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <source>ESCALATED</source>
        <translation>升级处理</translation>
    </message>
    <message>
        <source>CLOSED</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>POST_FAIR</source>
        <translation>转展后追查</translation>
    </message>
    <message>
        <source>supplement</source>
        <translation>补正</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>defence</source>
        <translation>答辩</translation>
    </message>
    <message>
        <source>recheck</source>
        <translation>复查</translation>
    </message>
    <message>
        <source>view cases and fairs</source>
        <translation>查看案件和展会</translation>
    </message>
    <message>
        <source>set up a fair</source>
        <translation>设置展会</translation>
    </message>
    <message>
        <source>import exhibitors</source>
        <translation>导入展商</translation>
    </message>
    <message>
        <source>register a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>edit a complaint</source>
        <translation>修改投诉</translation>
    </message>
    <message>
        <source>pause or resume a deadline</source>
        <translation>暂停或恢复期限</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>create demo data</source>
        <translation>创建演示数据</translation>
    </message>
    <message>
        <source>export lists and statistics</source>
        <translation>导出名单和统计</translation>
    </message>
    <message>
        <source>record patrols</source>
        <translation>记录巡查</translation>
    </message>
    <message>
        <source>log a consultation</source>
        <translation>登记咨询</translation>
    </message>
    <message>
        <source>back up or restore the database</source>
        <translation>备份或恢复数据库</translation>
    </message>
    <message>
        <source>issue, reissue or revoke documents</source>
        <translation>签发、重新签发或撤销文书</translation>
    </message>
    <message>
        <source>check the audit trail</source>
        <translation>核验审计记录</translation>
    </message>
    <message>
        <source>assign cases to a desk user</source>
        <translation>将案件分派给受理人员</translation>
    </message>
    <message>
        <source>complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>case</source>
        <translation>被投诉人案件</translation>
    </message>
    <message>
        <source>respondent case</source>
        <translation>被投诉人案件</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>running</source>
        <translation>计时中</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Record materials received</source>
        <translation>登记收到的材料</translation>
    </message>
    <message>
        <source>the materials received</source>
        <translation>收到的材料</translation>
    </message>
    <message>
        <source>Materials received</source>
        <translation>收到的材料</translation>
    </message>
    <message>
        <source>The complainant signed the commitment (承诺书)</source>
        <translation>投诉人已签署承诺书</translation>
    </message>
    <message>
        <source>The agent's power of attorney was received</source>
        <translation>已收到授权委托书</translation>
    </message>
    <message>
        <source>Note (why; shown in the timeline)</source>
        <translation>备注（原因，记入时间线）</translation>
    </message>
    <message>
        <source>Ask for supplements</source>
        <translation>通知补正材料</translation>
    </message>
    <message>
        <source>the list of missing materials</source>
        <translation>需补正的材料清单</translation>
    </message>
    <message>
        <source>Missing materials</source>
        <translation>需补正的材料</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Authority to transfer to (optional)</source>
        <translation>移交的知识产权管理部门（可选）</translation>
    </message>
    <message>
        <source>the rights not accepted</source>
        <translation>不予受理的权利</translation>
    </message>
    <message>
        <source>Rights not accepted (their numbers, separated by commas; empty: none)</source>
        <translation>不予受理的权利（权利号码，多个以逗号分隔；不填为无）</translation>
    </message>
    <message>
        <source>the reason for not accepting those rights</source>
        <translation>上述权利不予受理的理由</translation>
    </message>
    <message>
        <source>Reason for not accepting those rights</source>
        <translation>上述权利不予受理的理由</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>a reason code</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Reason for not accepting</source>
        <translation>不予受理理由</translation>
    </message>
    <message>
        <source>Withdrawn by the complainant</source>
        <translation>投诉人撤回投诉</translation>
    </message>
    <message>
        <source>a reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Transfer to the authority</source>
        <translation>移交知识产权管理部门</translation>
    </message>
    <message>
        <source>the authority</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>移交部门</translation>
    </message>
    <message>
        <source>Suspend the display of the accused exhibits</source>
        <translation>暂停展出涉嫌侵权展品</translation>
    </message>
    <message>
        <source>Notify the respondent</source>
        <translation>通知被投诉人</translation>
    </message>
    <message>
        <source>the manner of service</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Manner of service</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>the time of service</source>
        <translation>送达时间</translation>
    </message>
    <message>
        <source>Time of service (the fair's local time; empty: not served yet, record it from the proof of service)</source>
        <translation>送达时间（展会当地时间；尚未送达的不填，送达回证交回后登记）</translation>
    </message>
    <message>
        <source>Record the time of service</source>
        <translation>登记送达时间</translation>
    </message>
    <message>
        <source>Time of service (the fair's local time, as the proof of service records it)</source>
        <translation>送达时间（展会当地时间，以送达回证记载为准）</translation>
    </message>
    <message>
        <source>Record the exhibits taken down voluntarily</source>
        <translation>记录主动撤下展品</translation>
    </message>
    <message>
        <source>Mediate</source>
        <translation>调解</translation>
    </message>
    <message>
        <source>Mediate the dispute</source>
        <translation>调解纠纷</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>达成调解协议</translation>
    </message>
    <message>
        <source>the terms of the settlement</source>
        <translation>和解条款</translation>
    </message>
    <message>
        <source>Terms of the settlement</source>
        <translation>和解条款</translation>
    </message>
    <message>
        <source>End mediation without agreement</source>
        <translation>调解未成</translation>
    </message>
    <message>
        <source>Record the defence</source>
        <translation>登记答辩</translation>
    </message>
    <message>
        <source>a summary of the defence</source>
        <translation>答辩要点</translation>
    </message>
    <message>
        <source>Summary of the defence</source>
        <translation>答辩要点</translation>
    </message>
    <message>
        <source>Defence overdue</source>
        <translation>答辩逾期</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Decide at once: infringement confirmed</source>
        <translation>径行认定侵权</translation>
    </message>
    <message>
        <source>the ground for acting at once</source>
        <translation>径行处理的依据</translation>
    </message>
    <message>
        <source>Ground for acting at once</source>
        <translation>径行处理的依据</translation>
    </message>
    <message>
        <source>the court or authority that issued the decision</source>
        <translation>作出生效法律文书的机关</translation>
    </message>
    <message>
        <source>Court or authority that issued the decision</source>
        <translation>作出生效法律文书的机关</translation>
    </message>
    <message>
        <source>the number of the decision</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Number of the decision</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>the date of the decision</source>
        <translation>文书日期</translation>
    </message>
    <message>
        <source>Date of the decision</source>
        <translation>文书日期</translation>
    </message>
    <message>
        <source>the respondent's admission</source>
        <translation>被投诉人承认侵权的情况</translation>
    </message>
    <message>
        <source>The respondent's admission (what was admitted, by whom, signed or recorded)</source>
        <translation>被投诉人承认侵权的情况（承认内容、承认人、签字或记录）</translation>
    </message>
    <message>
        <source>the deciding organ</source>
        <translation>作出处理的机关</translation>
    </message>
    <message>
        <source>Deciding organ (for a stationed IP officer: the IP office)</source>
        <translation>作出处理的机关（知识产权局派驻人员填写所属部门）</translation>
    </message>
    <message>
        <source>what becomes of the claims under rights no exhibit is accused under</source>
        <translation>未涉及展品的权利主张的处理意见</translation>
    </message>
    <message>
        <source>What becomes of the claims under rights no exhibit is accused under</source>
        <translation>未涉及展品的权利主张的处理意见</translation>
    </message>
    <message>
        <source>the legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Decide: infringement found</source>
        <translation>认定侵权</translation>
    </message>
    <message>
        <source>the trigger of the finding</source>
        <translation>认定侵权的依据</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>认定依据</translation>
    </message>
    <message>
        <source>Link an exhibit to its rights</source>
        <translation>指明展品涉嫌侵犯的权利</translation>
    </message>
    <message>
        <source>the exhibit</source>
        <translation>展品</translation>
    </message>
    <message>
        <source>Exhibit (its number in the list, its model or its name)</source>
        <translation>展品（列表中的序号、型号或名称）</translation>
    </message>
    <message>
        <source>the rights it is accused under</source>
        <translation>涉嫌侵犯的权利</translation>
    </message>
    <message>
        <source>Rights it is accused under (their numbers, separated by commas)</source>
        <translation>涉嫌侵犯的权利（权利号码，多个以逗号分隔）</translation>
    </message>
    <message>
        <source>Decide: infringement not established</source>
        <translation>未认定构成侵权</translation>
    </message>
    <message>
        <source>Decide: cannot be determined</source>
        <translation>无法认定</translation>
    </message>
    <message>
        <source>Refer to an authority</source>
        <translation>移交有关部门</translation>
    </message>
    <message>
        <source>the kind of authority</source>
        <translation>移交部门类别</translation>
    </message>
    <message>
        <source>Kind of authority</source>
        <translation>移交部门类别</translation>
    </message>
    <message>
        <source>Order measures</source>
        <translation>要求整改</translation>
    </message>
    <message>
        <source>the measure ordered</source>
        <translation>要求采取的措施</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>整改措施</translation>
    </message>
    <message>
        <source>the storage place</source>
        <translation>暂存地点</translation>
    </message>
    <message>
        <source>Storage place (needed to keep exhibits in custody)</source>
        <translation>暂存地点（暂存保管展品时必填）</translation>
    </message>
    <message>
        <source>The respondent signed the undertaking</source>
        <translation>被投诉人已签署承诺书</translation>
    </message>
    <message>
        <source>Re-inspection due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>Re-inspection passed</source>
        <translation>复查通过</translation>
    </message>
    <message>
        <source>Re-inspection failed</source>
        <translation>复查未通过</translation>
    </message>
    <message>
        <source>the re-inspection result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <source>Re-inspection result</source>
        <translation>复查结果</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>升级处理</translation>
    </message>
    <message>
        <source>the escalation step</source>
        <translation>升级措施</translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation>升级措施</translation>
    </message>
    <message>
        <source>Record the signed undertaking</source>
        <translation>登记已签署的承诺书</translation>
    </message>
    <message>
        <source>Hand back the exhibits kept in custody</source>
        <translation>退还暂存展品</translation>
    </message>
    <message>
        <source>the receipt</source>
        <translation>领回凭证</translation>
    </message>
    <message>
        <source>Receipt (number, or who signed for the items)</source>
        <translation>领回凭证（编号或签收人）</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Close: complaint not accepted</source>
        <translation>结案（投诉不予受理）</translation>
    </message>
    <message>
        <source>Refer the dispute</source>
        <translation>移交纠纷</translation>
    </message>
    <message>
        <source>where the dispute is referred</source>
        <translation>纠纷移交的机构</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>移交至</translation>
    </message>
    <message>
        <source>Close the dispute with a note</source>
        <translation>纠纷处理完毕（附说明）</translation>
    </message>
    <message>
        <source>Refer to the credit platform for serious dishonesty</source>
        <translation>报送严重失信信息</translation>
    </message>
    <message>
        <source>the kind of serious dishonesty</source>
        <translation>严重失信行为类别</translation>
    </message>
    <message>
        <source>Kind of serious dishonesty</source>
        <translation>严重失信行为类别</translation>
    </message>
    <message>
        <source>Deciding body</source>
        <translation>认定机关</translation>
    </message>
    <message>
        <source>Deciding body's unified social credit code</source>
        <translation>认定机关统一社会信用代码</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>决定文书号</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Publication period (months, 3-36)</source>
        <translation>公示期限（月，3至36）</translation>
    </message>
    <message>
        <source>Contact for the record (name and phone)</source>
        <translation>联系人及电话</translation>
    </message>
    <message>
        <source>Hand over to post-fair follow-up</source>
        <translation>转展后追查</translation>
    </message>
    <message>
        <source>Record the authority's result</source>
        <translation>登记有关部门处理结果</translation>
    </message>
    <message>
        <source>the authority's result</source>
        <translation>有关部门的处理结果</translation>
    </message>
    <message>
        <source>The authority's result</source>
        <translation>有关部门的处理结果</translation>
    </message>
    <message>
        <source>Date of the result</source>
        <translation>处理结果日期</translation>
    </message>
    <message>
        <source>Identity of the complainant (business licence or ID document)</source>
        <translation>投诉人身份证明（营业执照或身份证件）</translation>
    </message>
    <message>
        <source>Patent certificate</source>
        <translation>专利证书</translation>
    </message>
    <message>
        <source>Patent publication (granted text)</source>
        <translation>专利公告文本</translation>
    </message>
    <message>
        <source>Proof of the patent's current legal status</source>
        <translation>专利法律状态证明</translation>
    </message>
    <message>
        <source>Trademark registration certificate</source>
        <translation>商标注册证明</translation>
    </message>
    <message>
        <source>Proof of authorship or ownership</source>
        <translation>著作权权属证明（作品登记证书或创作证明）</translation>
    </message>
    <message>
        <source>Proof of the right</source>
        <translation>权利证明文件</translation>
    </message>
    <message>
        <source>Statement that no suit, invalidation request, ownership dispute or restoration is pending on the patent</source>
        <translation>专利权未涉及诉讼、无效宣告、权属纠纷或恢复程序的说明</translation>
    </message>
    <message>
        <source>Basic details of the respondent (name, booth)</source>
        <translation>被投诉人基本信息（名称、展位号）</translation>
    </message>
    <message>
        <source>Grounds and evidence of the infringement (photos, comparison)</source>
        <translation>涉嫌侵权的理由和证据（照片、比对说明等）</translation>
    </message>
    <message>
        <source>Licence contract (when a licensee complains)</source>
        <translation>专利或商标实施许可合同（被许可人投诉时）</translation>
    </message>
    <message>
        <source>The owner's express authorisation of a simple licensee to complain</source>
        <translation>权利人明确授权普通被许可人投诉的证明</translation>
    </message>
    <message>
        <source>Power of attorney and the agent's identity</source>
        <translation>授权委托书及代理人身份证明</translation>
    </message>
    <message>
        <source>Complaint registered</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>Complaint corrected</source>
        <translation>更正投诉</translation>
    </message>
    <message>
        <source>Respondent case opened</source>
        <translation>立案（被投诉人）</translation>
    </message>
    <message>
        <source>Case assigned</source>
        <translation>分派案件</translation>
    </message>
    <message>
        <source>Record corrected</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Decision corrected</source>
        <translation>更正处理意见</translation>
    </message>
    <message>
        <source>Deadline started</source>
        <translation>期限开始</translation>
    </message>
    <message>
        <source>Deadline paused</source>
        <translation>期限暂停</translation>
    </message>
    <message>
        <source>Deadline resumed</source>
        <translation>期限恢复</translation>
    </message>
    <message>
        <source>Deadline stopped</source>
        <translation>期限结束</translation>
    </message>
    <message>
        <source>Document issued</source>
        <translation>出具文书</translation>
    </message>
    <message>
        <source>Document reissued</source>
        <translation>重新出具文书</translation>
    </message>
    <message>
        <source>Document revoked</source>
        <translation>撤销文书</translation>
    </message>
    <message>
        <source>Evidence attached</source>
        <translation>添加证据</translation>
    </message>
    <message>
        <source>Evidence file stored</source>
        <translation>存入证据文件</translation>
    </message>
    <message>
        <source>Evidence file attached to a record</source>
        <translation>证据文件关联到记录</translation>
    </message>
    <message>
        <source>Patrol visit recorded</source>
        <translation>记录巡查</translation>
    </message>
    <message>
        <source>Patrol finding corrected</source>
        <translation>更正巡查结果</translation>
    </message>
    <message>
        <source>Re-inspection recorded</source>
        <translation>记录复查</translation>
    </message>
    <message>
        <source>Complaint opened from a patrol</source>
        <translation>巡查发现立案</translation>
    </message>
    <message>
        <source>Right registered</source>
        <translation>登记权利</translation>
    </message>
    <message>
        <source>Exhibitor's IP commitment recorded</source>
        <translation>记录展商知识产权承诺书</translation>
    </message>
    <message>
        <source>Exhibitor's details recorded</source>
        <translation>记录展商信息</translation>
    </message>
    <message>
        <source>Measure recorded</source>
        <translation>记录措施</translation>
    </message>
    <message>
        <source>Measure ordered</source>
        <translation>下达措施</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in refused (wrong password)</source>
        <translation>登录被拒（密码错误）</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>更改密码</translation>
    </message>
    <message>
        <source>Password record renewed</source>
        <translation>更新密码记录</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>更改角色</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled again</source>
        <translation>重新启用用户</translation>
    </message>
    <message>
        <source>Root key made</source>
        <translation>生成根密钥</translation>
    </message>
    <message>
        <source>Signing key made</source>
        <translation>生成签名密钥</translation>
    </message>
    <message>
        <source>Signing key certified</source>
        <translation>认证签名密钥</translation>
    </message>
    <message>
        <source>Signing key revoked</source>
        <translation>吊销签名密钥</translation>
    </message>
    <message>
        <source>Root key pinned</source>
        <translation>固定根密钥</translation>
    </message>
    <message>
        <source>Demo key made</source>
        <translation>生成演示密钥</translation>
    </message>
    <message>
        <source>Referral package sent</source>
        <translation>移送材料包已出具</translation>
    </message>
    <message>
        <source>Evidence package issued for deposit</source>
        <translation>证据存证包已出具</translation>
    </message>
    <message>
        <source>Credit referral list exported</source>
        <translation>信用信息报送清单已导出</translation>
    </message>
</context>
<context>
    <name>FairDialog</name>
    <message>
        <source>Fair set-up</source>
        <translation>展会设置</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 4.1, 4.2, 5.1; empty: taken from the exhibitor list</source>
        <translation>用逗号分隔，例如 4.1, 4.2, 5.1；留空：从展商名单中获取</translation>
    </message>
    <message>
        <source>New fair</source>
        <translation>新建展会</translation>
    </message>
    <message>
        <source>Edit fair {0}</source>
        <translation>编辑展会 {0}</translation>
    </message>
    <message>
        <source>The code of a fair cannot change: case numbers use it.</source>
        <translation>展会代码不可更改：案件编号中使用了该代码。</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>闭馆</translation>
    </message>
    <message>
        <source>This fair already has {0} complaint(s). Say why you change its set-up (the reason is kept in the audit trail):</source>
        <translation>本届展会已有 {0} 件投诉。请说明修改设置的原因（原因将记入审计记录）：</translation>
    </message>
    <message>
        <source>No Chinese character: the papers print this name as the fair's Chinese title.</source>
        <translation>没有汉字：文书会把此名称作为展会的中文名称打印。</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>届次</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. CIIE2026</source>
        <translation>例如：CIIE2026</translation>
    </message>
    <message>
        <source>&amp;Name (Chinese):</source>
        <translation>中文名称(&amp;N)：</translation>
    </message>
    <message>
        <source>e.g. 第九届中国国际进口博览会</source>
        <translation>例如：第九届中国国际进口博览会</translation>
    </message>
    <message>
        <source>&amp;English name:</source>
        <translation>英文名称(&amp;E)：</translation>
    </message>
    <message>
        <source>e.g. 9th China International Import Expo</source>
        <translation>例如：9th China International Import Expo</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>场馆(&amp;V)：</translation>
    </message>
    <message>
        <source>Serv&amp;ice center's address:</source>
        <translation>服务中心地址(&amp;I)：</translation>
    </message>
    <message>
        <source>printed on every document, e.g. 国家会展中心（上海）综合体 B0 层</source>
        <translation>印在每份文书上，例如 国家会展中心（上海）综合体 B0 层</translation>
    </message>
    <message>
        <source>Service center's te&amp;lephone:</source>
        <translation>服务中心电话(&amp;L)：</translation>
    </message>
    <message>
        <source>e.g. +86 21 6700 0000</source>
        <translation>例如 +86 21 6700 0000</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>首日</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>末日</translation>
    </message>
    <message>
        <source>Daily &amp;hours:</source>
        <translation>每日开放时间(&amp;H)：</translation>
    </message>
    <message>
        <source>Opening time</source>
        <translation>开馆时间</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Closing time</source>
        <translation>闭馆时间</translation>
    </message>
    <message>
        <source>Days &amp;with other hours:</source>
        <translation>特殊开放时间(&amp;W)：</translation>
    </message>
    <message>
        <source>one day a line, e.g. 2026-11-05 13:00-17:00 (opening day), 2026-11-10 09:00-15:00 (last day), or a day and &quot;closed&quot;</source>
        <translation>每行一天，例如 2026-11-05 13:00-17:00（开幕日）、2026-11-10 09:00-15:00（最后一天），或日期和“闭馆”</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>时区(&amp;T)：</translation>
    </message>
    <message>
        <source>H&amp;alls:</source>
        <translation>展馆(&amp;A)：</translation>
    </message>
    <message>
        <source>comma-separated, e.g. 4.1, 4.2, 5.1</source>
        <translation>以逗号分隔，例如：4.1, 4.2, 5.1</translation>
    </message>
    <message>
        <source>Rule set (deadlines)</source>
        <translation>期限规则</translation>
    </message>
    <message>
        <source>&amp;Preset:</source>
        <translation>预设规则(&amp;P)：</translation>
    </message>
    <message>
        <source>De&amp;fence period:</source>
        <translation>答辩期限(&amp;F)：</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>T&amp;ransfer to the IP office:</source>
        <translation>移交知识产权管理部门(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Supplementing materials:</source>
        <translation>补正材料(&amp;S)：</translation>
    </message>
    <message>
        <source>Re-chec&amp;k after a measure:</source>
        <translation>采取措施后复查(&amp;K)：</translation>
    </message>
    <message>
        <source>Deadlines count &amp;only while the fair is open</source>
        <translation>期限仅在展会开放时间内计算(&amp;O)</translation>
    </message>
    <message>
        <source>Reason for the change:</source>
        <translation>修改原因：</translation>
    </message>
    <message>
        <source>kept in the audit trail</source>
        <translation>将记入审计记录</translation>
    </message>
</context>
<context>
    <name>FairPage</name>
    <message>
        <source>The fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Step 3 of 4: name, dates, opening hours, halls and the rule set.</source>
        <translation>第 3 步（共 4 步）：名称、日期、开放时间、展馆和期限规则。</translation>
    </message>
</context>
<context>
    <name>HallBoard</name>
    <message>
        <source>Hall {0} · {1} booths</source>
        <translation>{0} 号馆 · {1} 个展位</translation>
    </message>
    <message>
        <source>Choose a hall</source>
        <translation>选择展馆</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>{0} is not a picture FairDesk can show.</source>
        <translation>{0} 不是 FairDesk 能显示的图片。</translation>
    </message>
    <message>
        <source>Floor plan image</source>
        <translation>平面图图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Booth positions (booth,x,y,w,h)</source>
        <translation>展位位置（展位,x,y,宽,高）</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Cannot keep the floor plan in {0}: {1}</source>
        <translation>无法将平面图保存在 {0}：{1}</translation>
    </message>
    <message>
        <source>Hall board</source>
        <translation>展馆看板</translation>
    </message>
    <message>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <source>Floor &amp;plan</source>
        <translation>平面图(&amp;P)</translation>
    </message>
    <message>
        <source>Load floor plan…</source>
        <translation>载入平面图…</translation>
    </message>
</context>
<context>
    <name>HallBoardModel</name>
    <message>
        <source>(not in the exhibitor list)</source>
        <translation>（不在展商名单中）</translation>
    </message>
    <message>
        <source>Cases: {0}</source>
        <translation>案件：{0}</translation>
    </message>
    <message>
        <source>Re-check due {0}</source>
        <translation>{0} 应复查</translation>
    </message>
    <message>
        <source>Last patrol: {0}</source>
        <translation>最近巡查：{0}</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>&amp;Export and record</source>
        <translation>导出并登记(&amp;E)</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>正在写入…</translation>
    </message>
    <message>
        <source>Preparing the hand-off…</source>
        <translation>正在准备材料…</translation>
    </message>
    <message>
        <source>{0} records written to {1}.</source>
        <translation>已将 {0} 条记录写入 {1}。</translation>
    </message>
    <message>
        <source>No record is complete; nothing was written.</source>
        <translation>没有要素齐全的记录；未写入文件。</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>未报送：</translation>
    </message>
    <message>
        <source>Signed package written to {0} ({1} evidence files); SHA-256 {2}.</source>
        <translation>已签名材料包已写入 {0}（证据文件 {1} 个）；SHA-256 {2}。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Hand-offs to public systems</source>
        <translation>移送与报送（公共平台）</translation>
    </message>
    <message>
        <source>&amp;Hand-off</source>
        <translation>移送/报送类别(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Case number</source>
        <translation>案件编号(&amp;C)</translation>
    </message>
    <message>
        <source>F&amp;ile</source>
        <translation>文件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Desk guide</source>
        <translation>受理台指南</translation>
    </message>
    <message>
        <source>Inspector guide</source>
        <translation>巡查员指南</translation>
    </message>
    <message>
        <source>Organizer and administrator guide</source>
        <translation>主办方与管理员指南</translation>
    </message>
    <message>
        <source>FairDesk help</source>
        <translation>FairDesk 帮助</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>指南</translation>
    </message>
    <message>
        <source>Guide text</source>
        <translation>指南正文</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>F1 opens this window from every screen.</source>
        <translation>在任何界面按 F1 都可打开此窗口。</translation>
    </message>
    <message>
        <source>The guide {0} is missing.</source>
        <translation>缺少指南文件 {0}。</translation>
    </message>
    <message>
        <source>&amp;Guide</source>
        <translation>使用指南(&amp;G)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Add the halls to the fair (Fair &gt; Edit fair) or correct the list and import it again; until then rounds and the hall board do not show these booths.</source>
        <translation>请将这些展馆添加到展会（展会 &gt; 编辑展会），或更正名单后重新导入；在此之前，巡查和展馆看板不会显示这些展位。</translation>
    </message>
    <message>
        <source>Import exhibitors — {0}</source>
        <translation>导入展商 — {0}</translation>
    </message>
    <message>
        <source>Choose the exhibitor list of fair {0} as exported by the organiser: an Excel workbook (.xlsx) or a CSV file. Importing a list again updates what changed and adds no duplicates; if anything goes wrong, nothing is imported.</source>
        <translation>请选择主办方导出的展会 {0} 展商名单：Excel 工作簿 (.xlsx) 或 CSV 文件。再次导入同一名单只会更新有变化的内容，不会产生重复；如有任何错误，将不导入任何数据。</translation>
    </message>
    <message>
        <source>Choose the exhibitor list</source>
        <translation>选择展商名单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Choose the exhibitor file to import first.</source>
        <translation>请先选择要导入的展商文件。</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <source>Importing exhibitors</source>
        <translation>正在导入展商</translation>
    </message>
    <message>
        <source>{0} rows read…</source>
        <translation>已读取 {0} 行…</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>导入已取消：未导入任何数据。</translation>
    </message>
    <message>
        <source>Imported {0} · Updated {1} · Unchanged {2} · Skipped {3} · Rejected {4}</source>
        <translation>新增 {0} · 更新 {1} · 未变 {2} · 跳过 {3} · 拒绝 {4}</translation>
    </message>
    <message>
        <source>{0} ({1}).</source>
        <translation>{0}（{1}）。</translation>
    </message>
    <message>
        <source>Skipped: {0} blank rows, {1} rows merged into an earlier row of the same exhibitor.</source>
        <translation>跳过：{0} 个空行，{1} 行与同一展商的前一行合并。</translation>
    </message>
    <message>
        <source>Rejected rows were not imported; correct them in the file and import it again.</source>
        <translation>被拒绝的行未导入；请在文件中更正后重新导入。</translation>
    </message>
    <message>
        <source>No row was rejected.</source>
        <translation>没有被拒绝的行。</translation>
    </message>
    <message>
        <source>On the watch list of earlier editions: {0} exhibitors, {1} proposed to be barred (marked in the exhibitor list): {2}.</source>
        <translation>在往届重点关注名单上：{0} 家展商，其中 {1} 家建议禁止参展（已在展商列表中标记）：{2}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>The list has booths in halls that {0} does not have: {1}.</source>
        <translation>名单中有展位位于 {0} 没有的展馆：{1}。</translation>
    </message>
    <message>
        <source>{0} (1 booth)</source>
        <translation>{0}（1 个展位）</translation>
    </message>
    <message>
        <source>{0} ({1} booths)</source>
        <translation>{0}（{1} 个展位）</translation>
    </message>
    <message>
        <source>{0} in row {1}</source>
        <translation>{0}，在第 {1} 行</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} 等，另有 {1} 行</translation>
    </message>
    <message>
        <source>{0} in rows {1}</source>
        <translation>{0}，在第 {1} 行</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>Path of the .xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件路径</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>统计报告</translation>
    </message>
    <message>
        <source>C&amp;opy rejected rows</source>
        <translation>复制被拒绝的行(&amp;O)</translation>
    </message>
</context>
<context>
    <name>InspectorHeader</name>
    <message>
        <source>⚠ Server unreachable — findings are kept here</source>
        <translation>⚠ 无法连接服务器 — 巡查结果暂存在本机</translation>
    </message>
    <message>
        <source>Server connected</source>
        <translation>已连接服务器</translation>
    </message>
    <message>
        <source>Outbox unusable</source>
        <translation>待发送队列不可用</translation>
    </message>
    <message>
        <source>✓ All sent</source>
        <translation>✓ 已全部发送</translation>
    </message>
    <message>
        <source>{0} waiting · {1} refused</source>
        <translation>{0} 条待发送 · {1} 条被拒绝</translation>
    </message>
    <message>
        <source>{0} waiting to send</source>
        <translation>{0} 条待发送</translation>
    </message>
    <message>
        <source>What waits on this laptop (click to see)</source>
        <translation>本机待发送的内容（点击查看）</translation>
    </message>
    <message>
        <source>Start round  (F9)</source>
        <translation>开始巡查  (F9)</translation>
    </message>
    <message>
        <source>No round open</source>
        <translation>未在巡查</translation>
    </message>
    <message>
        <source>Close round  (F9)</source>
        <translation>结束巡查  (F9)</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>已巡查 1 个展位</translation>
    </message>
    <message>
        <source>{0} visits</source>
        <translation>已巡查 {0} 个展位</translation>
    </message>
    <message>
        <source>Round · hall {0} · since {1} · {2}</source>
        <translation>巡查 · {0} 号馆 · 自 {1} 起 · {2}</translation>
    </message>
    <message>
        <source>Fair:</source>
        <translation>展会：</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Hall:</source>
        <translation>展馆：</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>展馆</translation>
    </message>
</context>
<context>
    <name>InspectorMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About FairDesk</source>
        <translation>关于 FairDesk(&amp;A)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>InspectorWindow</name>
    <message>
        <source> — DEMO FAIR (sample data)</source>
        <translation> — 演示展会（示例数据）</translation>
    </message>
    <message>
        <source>FairDesk — Inspector</source>
        <translation>FairDesk — 巡查</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>当前登录：{0}</translation>
    </message>
    <message>
        <source>Patrol  (Alt+1)</source>
        <translation>巡查  (Alt+1)</translation>
    </message>
    <message>
        <source>Re-checks  (Alt+2)</source>
        <translation>复查  (Alt+2)</translation>
    </message>
    <message>
        <source>Hall board  (Alt+3)</source>
        <translation>展馆看板  (Alt+3)</translation>
    </message>
    <message>
        <source>No fair is set up yet.</source>
        <translation>尚未设置展会。</translation>
    </message>
    <message>
        <source>Round in hall {0} closed; round in hall {1} started.</source>
        <translation>{0} 馆的巡查已结束；{1} 馆的巡查已开始。</translation>
    </message>
    <message>
        <source>Choose the fair and the hall of the round first.</source>
        <translation>请先选择本轮巡查的展会和展馆。</translation>
    </message>
    <message>
        <source>Round in hall {0} closed.</source>
        <translation>{0} 号馆的巡查已结束。</translation>
    </message>
    <message>
        <source>The server refused {0}: {1}</source>
        <translation>服务器拒绝了 {0}：{1}</translation>
    </message>
    <message>
        <source>FairDesk</source>
        <translation>FairDesk</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>FairDesk is locked</source>
        <translation>FairDesk 已锁定</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>The screen was locked after {0} minutes without use. Enter the password of {1} to continue.</source>
        <translation>屏幕已在 {0} 分钟无操作后锁定。请输入 {1} 的密码继续。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Cases</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <source> — DEMO FAIR (sample data)</source>
        <translation> — 演示展会（示例数据）</translation>
    </message>
    <message>
        <source>FairDesk</source>
        <translation>FairDesk</translation>
    </message>
    <message>
        <source>Demo mode: signed in as {0}</source>
        <translation>演示模式：当前登录 {0}</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>当前登录：{0}</translation>
    </message>
    <message>
        <source>No fair is set up yet: an administrator creates one with Fair ▸ New fair…</source>
        <translation>尚未设立展会：请管理员通过“展会 ▸ 新建展会…”设立。</translation>
    </message>
    <message>
        <source>To start with this fair:</source>
        <translation>本届展会从这里开始：</translation>
    </message>
    <message>
        <source>1 case shown</source>
        <translation>显示 1 件案件</translation>
    </message>
    <message>
        <source>{0} cases shown</source>
        <translation>显示 {0} 件案件</translation>
    </message>
    <message>
        <source>Next deadlines: {0}</source>
        <translation>即将到期：{0}</translation>
    </message>
    <message>
        <source>{0}
FairDesk keeps trying every few seconds; what was saved is safe.</source>
        <translation>{0}
FairDesk 每隔几秒会自动重试；已保存的内容是安全的。</translation>
    </message>
    <message>
        <source>Fai&amp;r:</source>
        <translation>展会(&amp;R)：</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Search case number, complainant, exhibitor, booth or right number (Ctrl+F)</source>
        <translation>搜索案件编号、投诉人、展商、展位号或权利号 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Saved views</source>
        <translation>已保存的视图</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Type of right</source>
        <translation>权利类型</translation>
    </message>
    <message>
        <source>Hall:</source>
        <translation>展馆：</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>展馆</translation>
    </message>
    <message>
        <source>Ov&amp;erdue</source>
        <translation>已逾期(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Due within</source>
        <translation>到期时限(&amp;D)</translation>
    </message>
    <message>
        <source>Due within hours</source>
        <translation>到期时限（小时）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Only the cases assigned to me</source>
        <translation>只显示分派给我的案件</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>我的(&amp;M)</translation>
    </message>
    <message>
        <source>Respondent cases</source>
        <translation>被投诉案件</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fair</source>
        <translation>展会(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;xhibitors</source>
        <translation>展商(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Organizer</source>
        <translation>主办方(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>Register a complaint from a patrol &amp;visit…</source>
        <translation>根据巡查记录登记投诉(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print documents…</source>
        <translation>打印文书(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export selection…</source>
        <translation>导出所选案件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>分派给(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;heck a document…</source>
        <translation>核验文书(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Clear &amp;filters</source>
        <translation>清除筛选(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save view…</source>
        <translation>保存视图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Delete view</source>
        <translation>删除视图(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Inspector mode…</source>
        <translation>巡查模式(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New fair…</source>
        <translation>新建展会(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit fair…</source>
        <translation>编辑展会(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Exhibitors…</source>
        <translation>展商列表(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>Check &amp;evidence files…</source>
        <translation>检查证据文件(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Dashboard…</source>
        <translation>统计(&amp;D)…</translation>
    </message>
    <message>
        <source>Export &amp;follow-up list…</source>
        <translation>导出展后追查名单(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Watch list…</source>
        <translation>重点关注名单(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Hand-offs to public systems…</source>
        <translation>移送与报送(&amp;H)…</translation>
    </message>
    <message>
        <source>Day &amp;report</source>
        <translation>当日报告(&amp;R)</translation>
    </message>
    <message>
        <source>Log a &amp;consultation…</source>
        <translation>咨询登记(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;About FairDesk</source>
        <translation>关于 FairDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MeasuresBox</name>
    <message>
        <source>Measures · 处理措施</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>No measures ordered.</source>
        <translation>尚未采取处理措施。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>re-inspection: {0}</source>
        <translation>复查：{0}</translation>
    </message>
    <message>
        <source>not yet re-inspected</source>
        <translation>尚未复查</translation>
    </message>
    <message>
        <source>ordered {0}</source>
        <translation>{0} 要求</translation>
    </message>
    <message>
        <source>due {0}</source>
        <translation>{0} 到期</translation>
    </message>
    <message>
        <source>undertaking signed: {0}</source>
        <translation>已签署承诺：{0}</translation>
    </message>
    <message>
        <source>stored at {0}</source>
        <translation>存放于 {0}</translation>
    </message>
    <message>
        <source>returned {0}</source>
        <translation>{0} 已退还</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次输入(&amp;A)：</translation>
    </message>
</context>
<context>
    <name>OutboxDialog</name>
    <message>
        <source>waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>被服务器拒绝</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server said</source>
        <translation>服务器反馈</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>立即发送</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>丢弃…</translation>
    </message>
    <message>
        <source> · {0} photo(s)</source>
        <translation> · {0} 张照片</translation>
    </message>
    <message>
        <source>Round starts in hall {0}</source>
        <translation>{0} 号馆开始巡查</translation>
    </message>
    <message>
        <source>Round closed</source>
        <translation>巡查结束</translation>
    </message>
    <message>
        <source>Re-check {0}: {1}</source>
        <translation>复查 {0}：{1}</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Discard '{0}' for good? It will never reach the server.</source>
        <translation>永久丢弃“{0}”？它将不会发送到服务器。</translation>
    </message>
    <message>
        <source>Waiting on this laptop</source>
        <translation>本机待发送</translation>
    </message>
    <message>
        <source>Findings are kept in {0} until the server has them; they are sent by themselves when it is reachable. A finding the server refused waits for you: retry it after the desk fixed the cause, or discard it.</source>
        <translation>巡查结果保存在 {0}，直到服务器收到为止；可以连接服务器时会自动发送。被服务器拒绝的结果会等待您处理：请在受理台解决问题后重试，或将其丢弃。</translation>
    </message>
</context>
<context>
    <name>PartiesBox</name>
    <message>
        <source>Parties · 当事人</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>Complainant:</source>
        <translation>投诉人：</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>代理人：</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>材料：</translation>
    </message>
    <message>
        <source>Grounds:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>{0}:</source>
        <translation>{0}：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>
power of attorney: {0}</source>
        <translation>
授权委托书：{0}</translation>
    </message>
    <message>
        <source>signed commitment (承诺书): {0}</source>
        <translation>已签署承诺书：{0}</translation>
    </message>
</context>
<context>
    <name>PatrolPanel</name>
    <message>
        <source>Key {0} or Ctrl+{0}</source>
        <translation>按 {0} 或 Ctrl+{0}</translation>
    </message>
    <message>
        <source>hall {0}</source>
        <translation>{0} 馆</translation>
    </message>
    <message>
        <source>Open cases: {0}</source>
        <translation>未结案件：{0}</translation>
    </message>
    <message>
        <source>⚠ Measure to re-check here: {0} — record it on Re-checks (Alt+2)</source>
        <translation>⚠ 此处有待复查的措施：{0} — 请在“复查”(Alt+2) 中登记</translation>
    </message>
    <message>
        <source>(shared booth: which exhibitor?)</source>
        <translation>（共用展位：是哪家展商？）</translation>
    </message>
    <message>
        <source>This booth is in hall {0}, not on the hall list: the visit goes on the round of hall {1}.</source>
        <translation>该展位位于 {0} 号馆，不在展馆列表中：本次巡查记入 {1} 号馆的巡查。</translation>
    </message>
    <message>
        <source>{0}
The server cannot be reached: the booth is checked when the finding is sent. Record the finding as usual.</source>
        <translation>{0}
无法连接服务器：巡查结果发送时再核对展位。请照常登记巡查结果。</translation>
    </message>
    <message>
        <source>Type the booth number first.</source>
        <translation>请先输入展位号。</translation>
    </message>
    <message>
        <source>Choose the finding: keys 1-6 or Ctrl+1-6.</source>
        <translation>请选择巡查结果：按 1-6 或 Ctrl+1-6。</translation>
    </message>
    <message>
        <source>Saved: {0} — {1}{2}</source>
        <translation>已保存：{0} — {1}{2}</translation>
    </message>
    <message>
        <source> · {0} photo(s)</source>
        <translation> · {0} 张照片</translation>
    </message>
    <message>
        <source>Next booth: type its number and press Enter.</source>
        <translation>下一个展位：输入展位号后按 Enter。</translation>
    </message>
    <message>
        <source>Choose the visit in the list first.</source>
        <translation>请先在列表中选择巡查记录。</translation>
    </message>
    <message>
        <source>This finding waits on this laptop: correct it once it is sent.</source>
        <translation>此巡查结果尚在本机等待发送，发送后才能更正。</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Booth number, or scan the booth notice — then Enter</source>
        <translation>输入展位号或扫描展位告知书，然后按 Enter</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>前往</translation>
    </message>
    <message>
        <source>Type a booth number and press Enter.</source>
        <translation>输入展位号后按 Enter。</translation>
    </message>
    <message>
        <source>Which exhibitor at a shared booth</source>
        <translation>共用展位的哪家展商</translation>
    </message>
    <message>
        <source>Finding — keys 1-6 or Ctrl+1-6</source>
        <translation>巡查结果 — 按 1-6 或 Ctrl+1-6</translation>
    </message>
    <message>
        <source>Notes (optional) — Ctrl+Enter saves</source>
        <translation>备注（可选）— Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Save finding   (Ctrl+Enter)</source>
        <translation>保存巡查结果   (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>This round</source>
        <translation>本轮巡查</translation>
    </message>
    <message>
        <source>Correct this finding…  (Ctrl+Shift+F)</source>
        <translation>更正此巡查结果…（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>Open a complaint from this visit…</source>
        <translation>根据本次巡查登记投诉…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>No document to show.</source>
        <translation>没有可显示的文书。</translation>
    </message>
    <message>
        <source>Rendering {0} pages…</source>
        <translation>正在生成 {0} 页…</translation>
    </message>
    <message>
        <source>Rendering page {0} of {1}…</source>
        <translation>正在生成第 {0} 页，共 {1} 页…</translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <source>{0} page(s) · 共{0}页</source>
        <translation>共 {0} 页</translation>
    </message>
    <message>
        <source>1 page · 共1页</source>
        <translation>共 1 页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小 (Ctrl+-)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大 (Ctrl++)</translation>
    </message>
    <message>
        <source>As large as on paper</source>
        <translation>与纸张实际大小相同</translation>
    </message>
    <message>
        <source>Fit the page width (Ctrl+0)</source>
        <translation>适合页面宽度 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>文书预览</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>Every case of the fair</source>
        <translation>本届展会的全部案件</translation>
    </message>
    <message>
        <source>To notify</source>
        <translation>待通知</translation>
    </message>
    <message>
        <source>Accepted, the respondent not yet notified</source>
        <translation>已受理，尚未通知被投诉人</translation>
    </message>
    <message>
        <source>Defence running</source>
        <translation>答辩期中</translation>
    </message>
    <message>
        <source>Notified: the defence period runs</source>
        <translation>已通知：答辩期进行中</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>A deadline has passed</source>
        <translation>已超过期限</translation>
    </message>
    <message>
        <source>Decide before close</source>
        <translation>闭展前处理</translation>
    </message>
    <message>
        <source>Defence in or overdue, or under review: decide while the fair is open</source>
        <translation>已答辩、答辩逾期或审查中：须在展会闭幕前作出处理</translation>
    </message>
    <message>
        <source>Re-checks due</source>
        <translation>待复查</translation>
    </message>
    <message>
        <source>Measures ordered: an inspector checks they were carried out</source>
        <translation>已要求整改：由巡查员复查是否落实</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>The cases assigned to me</source>
        <translation>分派给我的案件</translation>
    </message>
    <message>
        <source>Post-fair</source>
        <translation>展后追查</translation>
    </message>
    <message>
        <source>Handed over to the follow-up after the close</source>
        <translation>闭展后转入展后追查</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>待办队列</translation>
    </message>
</context>
<context>
    <name>RecheckPanel</name>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After (earlier re-checks)</source>
        <translation>之后（以往复查）</translation>
    </message>
    <message>
        <source>After photos: none yet — Ctrl+P or drop</source>
        <translation>复查后照片：暂无 — 按 Ctrl+P 或拖放文件</translation>
    </message>
    <message>
        <source>Only hall {0}</source>
        <translation>仅 {0} 号馆</translation>
    </message>
    <message>
        <source>1 re-check to do{0}</source>
        <translation>待复查 1 项{0}</translation>
    </message>
    <message>
        <source>{1} re-checks to do{0}</source>
        <translation>待复查 {1} 项{0}</translation>
    </message>
    <message>
        <source> · {0} OVERDUE</source>
        <translation> · {0} 项逾期</translation>
    </message>
    <message>
        <source>, {0} late</source>
        <translation>，{0} 项逾期</translation>
    </message>
    <message>
        <source>Re-checks: hall {0} ({1}{2}), other halls {3}  (Alt+2)</source>
        <translation>复查：{0} 号馆（{1}{2}），其他展馆 {3}  (Alt+2)</translation>
    </message>
    <message>
        <source>Re-checks ({0}{1})  (Alt+2)</source>
        <translation>复查（{0}{1}）  (Alt+2)</translation>
    </message>
    <message>
        <source>Choose a re-check in the list (arrows, Enter).</source>
        <translation>请在列表中选择一项复查（方向键、Enter）。</translation>
    </message>
    <message>
        <source>after escalation</source>
        <translation>升级处理后</translation>
    </message>
    <message>
        <source>  —  OVERDUE</source>
        <translation>  —  已逾期</translation>
    </message>
    <message>
        <source>{0}: {1}; due {2}{3}</source>
        <translation>{0}：{1}；{2} 到期{3}</translation>
    </message>
    <message>
        <source>Choose the re-check in the list first.</source>
        <translation>请先在列表中选择复查项。</translation>
    </message>
    <message>
        <source>Choose the result: keys 1-4 or Ctrl+1-4.</source>
        <translation>请选择复查结果：按 1-4 或 Ctrl+1-4。</translation>
    </message>
    <message>
        <source>Re-check {0}: {1}</source>
        <translation>复查 {0}：{1}</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已保存：{0}</translation>
    </message>
    <message>
        <source>Only the round's hall</source>
        <translation>仅本轮展馆</translation>
    </message>
    <message>
        <source>Result — keys 1-4 or Ctrl+1-4</source>
        <translation>复查结果 — 按 1-4 或 Ctrl+1-4</translation>
    </message>
    <message>
        <source>Notes (optional) — Ctrl+Enter saves</source>
        <translation>备注（可选）— Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Save re-check   (Ctrl+Enter)</source>
        <translation>保存复查   (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>RecheckTaskModel</name>
    <message>
        <source>Stored at: {0}</source>
        <translation>存放于：{0}</translation>
    </message>
    <message>
        <source>result waiting to send</source>
        <translation>结果待发送</translation>
    </message>
    <message>
        <source>after escalation</source>
        <translation>升级处理后</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Hall</source>
        <translation>展馆</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>展商</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject the complaint</source>
        <translation>不予受理</translation>
    </message>
    <message>
        <source>— choose why it is not accepted —</source>
        <translation>— 请选择不予受理的原因 —</translation>
    </message>
    <message>
        <source>Reason for not accepting</source>
        <translation>不予受理的原因</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional: what the complainant is told</source>
        <translation>可选：告知投诉人的内容</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Save and reject</source>
        <translation>保存并不予受理</translation>
    </message>
    <message>
        <source>Choose why the complaint is not accepted.</source>
        <translation>请选择不予受理的原因。</translation>
    </message>
</context>
<context>
    <name>RejectedRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>RespondentBox</name>
    <message>
        <source>Respondent · 被投诉人</source>
        <translation>被投诉人</translation>
    </message>
    <message>
        <source>Exhibitor:</source>
        <translation>展商：</translation>
    </message>
    <message>
        <source>Booth:</source>
        <translation>展位：</translation>
    </message>
    <message>
        <source>Country / region:</source>
        <translation>国家/地区：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系方式：</translation>
    </message>
    <message>
        <source>Registration:</source>
        <translation>登记信息：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>credit code {0}</source>
        <translation>统一社会信用代码 {0}</translation>
    </message>
    <message>
        <source>IP commitment signed: {0}</source>
        <translation>已签署知识产权承诺书：{0}</translation>
    </message>
    <message>
        <source>hall {0}</source>
        <translation>{0} 号馆</translation>
    </message>
    <message>
        <source> (also at {0})</source>
        <translation>（同时位于 {0}）</translation>
    </message>
</context>
<context>
    <name>RespondentRow</name>
    <message>
        <source>Booth number (e.g. 4.1A01) or exhibitor name</source>
        <translation>展位号（例如 4.1A01）或展商名称</translation>
    </message>
    <message>
        <source>Which exhibitor at the shared booth</source>
        <translation>共用展位的哪家展商</translation>
    </message>
    <message>
        <source>Exhibit name</source>
        <translation>展品名称</translation>
    </message>
    <message>
        <source>Respondent {0}</source>
        <translation>被投诉人 {0}</translation>
    </message>
    <message>
        <source>Respondent {0}: booth or exhibitor</source>
        <translation>被投诉人 {0}：展位或展商</translation>
    </message>
    <message>
        <source>— choose which exhibitor —</source>
        <translation>— 请选择展商 —</translation>
    </message>
    <message>
        <source>Several exhibitors match “{0}”: pick one from the list.</source>
        <translation>有多家展商与“{0}”匹配：请从列表中选择一家。</translation>
    </message>
    <message>
        <source>No exhibitor at booth {0} in this fair's exhibitor list.</source>
        <translation>本届展商名单中没有展位 {0} 的展商。</translation>
    </message>
    <message>
        <source>No exhibitor named “{0}” in this fair's exhibitor list.</source>
        <translation>本届展商名单中没有名为“{0}”的展商。</translation>
    </message>
    <message>
        <source>Booth {0} is shared by {1}: choose which exhibitor.</source>
        <translation>展位 {0} 由 {1} 共用：请选择展商。</translation>
    </message>
    <message>
        <source>Type the exhibit's name first.</source>
        <translation>请先输入展品名称。</translation>
    </message>
    <message>
        <source>Give the exhibit a name, or clear its model and quantity.</source>
        <translation>请填写展品名称，或清空其型号和数量。</translation>
    </message>
    <message>
        <source>Say who the exhibits belong to: type the booth number or name.</source>
        <translation>请说明展品属于谁：输入展位号或展商名称。</translation>
    </message>
    <message>
        <source>&amp;Booth or exhibitor:</source>
        <translation>展位或展商(&amp;B)：</translation>
    </message>
    <message>
        <source>Remove respondent</source>
        <translation>移除被投诉人</translation>
    </message>
    <message>
        <source>Shared booth, choose:</source>
        <translation>共用展位，请选择：</translation>
    </message>
    <message>
        <source>Accused exhibits:</source>
        <translation>涉嫌侵权展品：</translation>
    </message>
    <message>
        <source>Exhibit model</source>
        <translation>展品型号</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Exhibit quantity</source>
        <translation>展品数量</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>The numbers of the rights above this exhibit is accused under, separated by commas. Leave empty when the complaint names one right.</source>
        <translation>该展品涉嫌侵犯的上列权利的号码，用逗号分隔。投诉只有一项权利时可不填。</translation>
    </message>
    <message>
        <source>Rights the exhibit is accused under</source>
        <translation>该展品涉嫌侵犯的权利</translation>
    </message>
    <message>
        <source>Right no(s)., if several</source>
        <translation>权利号（多项权利时填写）</translation>
    </message>
    <message>
        <source>Adds the exhibit to the list (Enter in its fields)</source>
        <translation>将展品加入列表（在展品字段中按 Enter）</translation>
    </message>
    <message>
        <source>Add exhibit</source>
        <translation>添加展品</translation>
    </message>
    <message>
        <source>Accused exhibits</source>
        <translation>涉嫌侵权展品</translation>
    </message>
    <message>
        <source>Remove exhibit</source>
        <translation>移除展品</translation>
    </message>
    <message>
        <source>Photos:</source>
        <translation>照片：</translation>
    </message>
    <message>
        <source>Photos or scans of the accused exhibits</source>
        <translation>涉嫌侵权展品的照片或扫描件</translation>
    </message>
    <message>
        <source>Add photos of the accused exhibits</source>
        <translation>添加涉嫌侵权展品的照片</translation>
    </message>
    <message>
        <source>Photos of the accused exhibits</source>
        <translation>涉嫌侵权展品的照片</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.pdf);;All files (*)</source>
        <translation>照片和扫描件 (*.jpg *.jpeg *.png *.heic *.webp *.tif *.tiff *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Photos…</source>
        <translation>照片…</translation>
    </message>
    <message>
        <source>Clear photos</source>
        <translation>清除照片</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} to attach: {1}</source>
        <translation>待附上的{0}：{1}</translation>
    </message>
    <message>
        <source>Cannot read {0}: {1}.</source>
        <translation>无法读取 {0}：{1}。</translation>
    </message>
    <message>
        <source>Booth {0} is shared by {1} exhibitors: choose one above.</source>
        <translation>展位 {0} 由 {1} 家展商共用：请在上方选择一家。</translation>
    </message>
    <message>
        <source>, shared booth</source>
        <translation>，共用展位</translation>
    </message>
    <message>
        <source>booth {0}</source>
        <translation>展位 {0}</translation>
    </message>
    <message>
        <source> (hall {0})</source>
        <translation>（{0} 号馆）</translation>
    </message>
</context>
<context>
    <name>RespondentsSection</name>
    <message>
        <source>Respondents (accused exhibitors)</source>
        <translation>被投诉人（涉嫌侵权的展商）</translation>
    </message>
    <message>
        <source>Add res&amp;pondent</source>
        <translation>添加被投诉人(&amp;P)</translation>
    </message>
    <message>
        <source>Another exhibitor accused in the same complaint</source>
        <translation>同一投诉中另一家被投诉的展商</translation>
    </message>
    <message>
        <source>Name at least one respondent: type its booth number or name.</source>
        <translation>请至少填写一个被投诉人：输入其展位号或名称。</translation>
    </message>
    <message>
        <source>Respondent 1</source>
        <translation>被投诉人 1</translation>
    </message>
    <message>
        <source>Respondent {0}</source>
        <translation>被投诉人 {0}</translation>
    </message>
    <message>
        <source>This exhibitor is already respondent {0}.</source>
        <translation>该展商已是被投诉人 {0}。</translation>
    </message>
</context>
<context>
    <name>RightRow</name>
    <message>
        <source>Type to search the rights register, or a new number</source>
        <translation>输入以检索权利登记信息，或输入新的号码</translation>
    </message>
    <message>
        <source>Right holder</source>
        <translation>权利人</translation>
    </message>
    <message>
        <source>Where the right is registered; CN = China</source>
        <translation>权利注册地；CN = 中国</translation>
    </message>
    <message>
        <source>International registration no.</source>
        <translation>国际注册号</translation>
    </message>
    <message>
        <source>Madrid international registration number</source>
        <translation>马德里国际注册号</translation>
    </message>
    <message>
        <source>Right {0}</source>
        <translation>权利 {0}</translation>
    </message>
    <message>
        <source>Right {0}: {1}</source>
        <translation>权利 {0}：{1}</translation>
    </message>
    <message>
        <source>Right {0}: holder</source>
        <translation>权利 {0}：权利人</translation>
    </message>
    <message>
        <source>Right {0}: registered in</source>
        <translation>权利 {0}：注册地</translation>
    </message>
    <message>
        <source>In the rights register. </source>
        <translation>已在权利登记信息中。</translation>
    </message>
    <message>
        <source>Valid in China until {0}.</source>
        <translation>在中国有效，至 {0}。</translation>
    </message>
    <message>
        <source>Valid in China.</source>
        <translation>在中国有效。</translation>
    </message>
    <message>
        <source>Right {0} validity</source>
        <translation>权利 {0} 的有效性</translation>
    </message>
    <message>
        <source>Enter the patent or registration number.</source>
        <translation>请输入专利号或注册号。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, e.g. 2031-05-20.</source>
        <translation>请按 YYYY-MM-DD 格式填写日期，例如 2031-05-20。</translation>
    </message>
    <message>
        <source>Valid until ({0}) is before valid from ({1}).</source>
        <translation>有效期截止日（{0}）早于生效日（{1}）。</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Type of right</source>
        <translation>权利类型</translation>
    </message>
    <message>
        <source>Remove right</source>
        <translation>移除权利</translation>
    </message>
    <message>
        <source>Holder:</source>
        <translation>权利人：</translation>
    </message>
    <message>
        <source>Registered in:</source>
        <translation>注册地：</translation>
    </message>
    <message>
        <source>Standing:</source>
        <translation>主体资格：</translation>
    </message>
    <message>
        <source>Complainant's standing (licence)</source>
        <translation>投诉人的主体资格（许可情况）</translation>
    </message>
    <message>
        <source>Protected in China by:</source>
        <translation>在中国受保护依据：</translation>
    </message>
    <message>
        <source>Basis of protection in China</source>
        <translation>在中国受保护的依据</translation>
    </message>
    <message>
        <source>IR no.:</source>
        <translation>国际注册号：</translation>
    </message>
    <message>
        <source>Patent no.:</source>
        <translation>专利号：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Filed on:</source>
        <translation>申请日：</translation>
    </message>
    <message>
        <source>Expires on:</source>
        <translation>届满日：</translation>
    </message>
    <message>
        <source>Product (design):</source>
        <translation>产品（外观设计）：</translation>
    </message>
    <message>
        <source>Registration no.:</source>
        <translation>注册号：</translation>
    </message>
    <message>
        <source>Mark:</source>
        <translation>商标：</translation>
    </message>
    <message>
        <source>Registered on:</source>
        <translation>注册日：</translation>
    </message>
    <message>
        <source>Valid until:</source>
        <translation>有效期至：</translation>
    </message>
    <message>
        <source>Work:</source>
        <translation>作品：</translation>
    </message>
    <message>
        <source>Created on:</source>
        <translation>创作完成日：</translation>
    </message>
    <message>
        <source>Protected until:</source>
        <translation>保护期至：</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>号码：</translation>
    </message>
    <message>
        <source>Valid from:</source>
        <translation>生效日：</translation>
    </message>
    <message>
        <source>until {0}</source>
        <translation>至 {0}</translation>
    </message>
</context>
<context>
    <name>RightsBox</name>
    <message>
        <source>Rights · 权利</source>
        <translation>权利</translation>
    </message>
    <message>
        <source>No IP rights (commercial dispute).</source>
        <translation>无知识产权（商事纠纷）。</translation>
    </message>
    <message>
        <source>No IP rights: a commercial dispute about {0}.</source>
        <translation>无知识产权（商事纠纷：{0}）。</translation>
    </message>
    <message>
        <source>status checked {0}</source>
        <translation>{0} 核实状态</translation>
    </message>
    <message>
        <source>holder: {0}</source>
        <translation>权利人：{0}</translation>
    </message>
    <message>
        <source>valid {0}</source>
        <translation>有效期 {0}</translation>
    </message>
    <message>
        <source>valid in China</source>
        <translation>在中国有效</translation>
    </message>
    <message>
        <source>Not accepted: {0}</source>
        <translation>不予受理：{0}</translation>
    </message>
    <message>
        <source>Right {0}: {1}</source>
        <translation>权利 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>RightsSection</name>
    <message>
        <source>Rights (patent, trademark, copyright)</source>
        <translation>权利（专利、商标、著作权）</translation>
    </message>
    <message>
        <source>Add r&amp;ight</source>
        <translation>添加权利(&amp;I)</translation>
    </message>
    <message>
        <source>Enter the patent or registration number.</source>
        <translation>请输入专利号或注册号。</translation>
    </message>
    <message>
        <source>Right 1</source>
        <translation>权利 1</translation>
    </message>
    <message>
        <source>Right {0}</source>
        <translation>权利 {0}</translation>
    </message>
</context>
<context>
    <name>RoundLog</name>
    <message>
        <source>Re-check {0}: {1}</source>
        <translation>复查 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>SavedViews</name>
    <message>
        <source>My defences due in 2 h</source>
        <translation>2 小时内到期的答辩</translation>
    </message>
    <message>
        <source>Re-checks due</source>
        <translation>待复查</translation>
    </message>
</context>
<context>
    <name>SavedViewsControl</name>
    <message>
        <source>Saved views…</source>
        <translation>已保存的视图…</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view of the list:</source>
        <translation>此列表视图的名称：</translation>
    </message>
    <message>
        <source>FairDesk</source>
        <translation>FairDesk</translation>
    </message>
    <message>
        <source>View '{0}' saved.</source>
        <translation>视图“{0}”已保存。</translation>
    </message>
    <message>
        <source>Choose one of your own saved views first; built-in views stay.</source>
        <translation>请先选择一个您自己保存的视图；内置视图不能删除。</translation>
    </message>
    <message>
        <source>View '{0}' deleted.</source>
        <translation>视图“{0}”已删除。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation>默认：{0}</translation>
    </message>
    <message>
        <source>In use now: {0} (default: {1})</source>
        <translation>当前使用：{0}（默认：{1}）</translation>
    </message>
    <message>
        <source>Default: the SQLite file {0} in the data folder</source>
        <translation>默认：数据文件夹中的 SQLite 文件 {0}</translation>
    </message>
    <message>
        <source>Choose the data folder</source>
        <translation>选择数据文件夹</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>The data folder {0} is a file, not a folder.</source>
        <translation>数据文件夹 {0} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Data folder:</source>
        <translation>数据文件夹(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Data&amp;base URL:</source>
        <translation>数据库 URL(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>The language, data folder and database take effect the next time FairDesk starts. A database given on the command line or in FAIRDESK_DB / FAIRDESK_DATA_DIR comes first.</source>
        <translation>语言、数据文件夹和数据库设置将在下次启动 FairDesk 时生效。命令行或 FAIRDESK_DB / FAIRDESK_DATA_DIR 中指定的数据库优先。</translation>
    </message>
</context>
<context>
    <name>SetUpWizard</name>
    <message>
        <source>Set up a fair</source>
        <translation>设置展会</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Ne&amp;xt &gt;</source>
        <translation>下一步(&amp;X) &gt;</translation>
    </message>
    <message>
        <source>Open the &amp;desk</source>
        <translation>打开工作台(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>sign_in</name>
    <message>
        <source>Sign in.</source>
        <translation>请登录。</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Welcome. Create the administrator account of this service center.</source>
        <translation>欢迎使用。请创建本服务中心的管理员账户。</translation>
    </message>
    <message>
        <source>Creating the demo fair…</source>
        <translation>正在创建演示展会…</translation>
    </message>
</context>
<context>
    <name>SignOut</name>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Sign out / switch user…</source>
        <translation>注销 / 切换用户(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>&amp;Apply (Ctrl+Enter)</source>
        <translation>执行(&amp;A) (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* 必填</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Ask for supplements</source>
        <translation>要求补正</translation>
    </message>
    <message>
        <source>Missing materials</source>
        <translation>缺少的材料</translation>
    </message>
    <message>
        <source>&amp;Missing materials (one per line; printed on the notice):</source>
        <translation>缺少的材料(&amp;M)（每行一项，将打印在通知书上）：</translation>
    </message>
    <message>
        <source>The complainant must supplement by {0}. If not, the complaint is not accepted (2006 Measures Art 9).</source>
        <translation>投诉人须在 {0} 前补正。逾期未补正的，不予受理（2006年《展会知识产权保护办法》第九条）。</translation>
    </message>
    <message>
        <source>Save and ask for supplements</source>
        <translation>保存并要求补正</translation>
    </message>
    <message>
        <source>List what the complainant must supply.</source>
        <translation>请列出投诉人须补交的材料。</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When (fair time)</source>
        <translation>时间（展会当地时间）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>重设密码(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;voke key…</source>
        <translation>吊销密钥(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Certify key…</source>
        <translation>认证密钥(&amp;C)…</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{0} (awaits certification)</source>
        <translation>{0}（待认证）</translation>
    </message>
    <message>
        <source>active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>启用(&amp;E)</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>New password for {0} (at least 8 characters). Their signing key is replaced: documents it signed stay genuine.</source>
        <translation>{0} 的新密码（至少 8 个字符）。其签名密钥将被更换：已签发的文书仍然有效。</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>吊销密钥</translation>
    </message>
    <message>
        <source>Why is the key of {0} revoked (left the team, laptop lost)? What it signs from now on is refused; what it signed before stays genuine.</source>
        <translation>为何吊销 {0} 的密钥（离职、笔记本丢失）？此后用它签名的文书将被拒绝；此前签发的仍然有效。</translation>
    </message>
    <message>
        <source>Certify key</source>
        <translation>认证密钥</translation>
    </message>
    <message>
        <source>Ask {0} to read the fingerprint their screen shows for their new key, and type it here. Certify only a key whose owner you have heard in person or on a call you trust.</source>
        <translation>请 {0} 读出其屏幕上显示的新密钥指纹，并在此输入。只认证您当面或通过可信电话确认过其本人的密钥。</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>The first users</source>
        <translation>首批用户</translation>
    </message>
    <message>
        <source>Step 2 of 4 (you may skip it): an account for each person at the desk, on patrol or from the organizer. Enter adds the account typed; more can be added later (Tools &gt; Users).</source>
        <translation>第 2 步（共 4 步，可跳过）：为受理、巡查和主办方的每位人员各建一个账户。按回车键添加已填写的账户；以后也可再添加（工具 &gt; 用户）。</translation>
    </message>
    <message>
        <source>A&amp;dd the account</source>
        <translation>添加账户(&amp;D)</translation>
    </message>
    <message>
        <source>Added: {0}</source>
        <translation>已添加：{0}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Open a document to check</source>
        <translation>打开要核验的文书</translation>
    </message>
    <message>
        <source>{0} is larger than {1} MB; use a smaller scan or photo.</source>
        <translation>{0} 超过 {1} MB；请使用较小的扫描件或照片。</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>无法读取 {0}：{1}</translation>
    </message>
    <message>
        <source>Reading the QR code of {0}…</source>
        <translation>正在读取 {0} 的二维码…</translation>
    </message>
    <message>
        <source>Checking… · 核验中</source>
        <translation>核验中…</translation>
    </message>
    <message>
        <source>Check a document · 核验文书</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Scan the QR code on the paper with the scanner, or paste the code's text and press Enter. Or open a PDF or a photo of the page (or drop it here).</source>
        <translation>用扫描枪扫描纸质文书上的二维码，或粘贴二维码文本后按 Enter。也可以打开 PDF 或页面照片（或拖放到此处）。</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>代码(&amp;C)：</translation>
    </message>
    <message>
        <source>Document code</source>
        <translation>文书二维码</translation>
    </message>
    <message>
        <source>FD2.… — scan or paste here, then Enter</source>
        <translation>FD2.… — 在此扫码或粘贴，然后按回车</translation>
    </message>
    <message>
        <source>Chec&amp;k (Enter)</source>
        <translation>核验(&amp;K) (Enter)</translation>
    </message>
    <message>
        <source>&amp;Open file…</source>
        <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
        <source>What the document says · 文书内容</source>
        <translation>文书内容</translation>
    </message>
</context>
<context>
    <name>VisitComplaintForm</name>
    <message>
        <source>Complaint from a patrol visit — {0} ({1})</source>
        <translation>根据巡查记录登记投诉 — {0}（{1}）</translation>
    </message>
</context>
<context>
    <name>VisitLogModel</name>
    <message>
        <source>waiting to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>REFUSED — see outbox</source>
        <translation>被拒绝 — 见待发送队列</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>巡查结果</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
</context>
<context>
    <name>WatchListModel</name>
    <message>
        <source>Exhibitor / 展商</source>
        <translation>展商</translation>
    </message>
    <message>
        <source>Credit code / 信用代码</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <source>Booths / 展位</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Matched by / 匹配</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <source>History (cases/infringing) / 往届</source>
        <translation>往届（案件/侵权）</translation>
    </message>
    <message>
        <source>In a row / 连续</source>
        <translation>连续</translation>
    </message>
    <message>
        <source>Propose bar / 禁展</source>
        <translation>建议禁展</translation>
    </message>
    <message>
        <source>Next step / 建议措施</source>
        <translation>建议措施</translation>
    </message>
</context>
<context>
    <name>WatchListView</name>
    <message>
        <source>Watch list / 重点关注名单 — {0}</source>
        <translation>重点关注名单 — {0}</translation>
    </message>
    <message>
        <source>Only this edition's exhibitors found on earlier editions' lists</source>
        <translation>仅显示在往届名单中出现的本届展商</translation>
    </message>
    <message>
        <source>{0} on the list, {1} proposed to be barred</source>
        <translation>名单中 {0} 家，其中 {1} 家建议禁止参展</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to FairDesk</source>
        <translation>欢迎使用 FairDesk</translation>
    </message>
    <message>
        <source>FairDesk runs the IP complaint desk of a trade fair: it registers complaints, watches every deadline, prints the notices and decisions, and guides the patrols. Nothing is set up on this computer yet.</source>
        <translation>FairDesk 是展会现场的知识产权投诉工作台：登记投诉、跟踪每一个期限、打印通知书和处理意见书，并指引现场巡查。这台电脑上尚未进行任何设置。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Set up a fair</source>
        <translation>设置展会(&amp;S)</translation>
    </message>
    <message>
        <source>Create the administrator account, then enter the fair's name, dates, opening hours and rule set, and import its exhibitor list.</source>
        <translation>创建管理员账户，然后填写展会名称、日期、开放时间和期限规则，并导入展商名单。</translation>
    </message>
    <message>
        <source>Set up a fair</source>
        <translation>设置展会</translation>
    </message>
    <message>
        <source>Open the &amp;demo fair</source>
        <translation>打开演示展会(&amp;D)</translation>
    </message>
    <message>
        <source>Try FairDesk on a sample fair with complaints at every stage. Nothing you do in the demo is kept; the welcome comes back at the next start.</source>
        <translation>在一个包含各阶段投诉的示例展会上试用 FairDesk。演示中的任何操作都不会保存；下次启动时仍会显示欢迎界面。</translation>
    </message>
    <message>
        <source>Open the demo fair</source>
        <translation>打开演示展会</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
</TS>
