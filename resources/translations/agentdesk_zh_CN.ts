<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="77"/>
        <source>Phone / address</source>
        <translation>号码/地址</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="78"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="79"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="102"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="103"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="104"/>
        <location filename="../../ui/casepanel.ui" line="94"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="105"/>
        <location filename="../../ui/casepanel.ui" line="106"/>
        <source>Outstanding</source>
        <translation>剩余欠款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="106"/>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="107"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="108"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="132"/>
        <source>Call allowed now</source>
        <translation>现在可以拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="135"/>
        <source>Do not call</source>
        <translation>禁止拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="137"/>
        <source>Not now — next allowed %1</source>
        <translation>暂不可拨打 — 最早 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="201"/>
        <source>, born %1</source>
        <translation>，%1 年生</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="204"/>
        <source>ID %1%2 · %3</source>
        <translation>证件 %1%2 · %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="245"/>
        <source>%1 · debtor&apos;s local time %2</source>
        <translation>%1 · 债务人当地时间 %2</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="17"/>
        <source>No case open. Press F2 for the next case, or pick one from the queue.</source>
        <translation>尚未打开案件。按 F2 打开下一个案件，或从队列中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="118"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="136"/>
        <source>Call permission</source>
        <translation>拨打许可</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="160"/>
        <source>&amp;Call</source>
        <translation>拨打(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="163"/>
        <source>Dial the selected number through the softphone (F5)</source>
        <translation>通过软电话拨打所选号码 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="173"/>
        <location filename="../../ui/casepanel.ui" line="179"/>
        <source>Contact points</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="193"/>
        <source>&amp;Timeline</source>
        <translation>联系记录(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="201"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="208"/>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="216"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="37"/>
        <source>Demo mode without a secure keyring: the data on this computer is NOT encrypted and sign-ins are not remembered. Use only the demo portfolio here.</source>
        <translation>演示模式（本机没有安全密钥库）：本机数据未加密，登录状态不会保存。此处只可使用演示数据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="93"/>
        <source>Starting the demo server… (the first start seeds a demo portfolio)</source>
        <translation>正在启动演示服务器…（首次启动会生成演示案件）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="107"/>
        <source>Signing in as %1…</source>
        <translation>正在以 %1 登录…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="119"/>
        <source>The demo server did not start: %1</source>
        <translation>演示服务器未能启动：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="22"/>
        <source>Right party (debtor)</source>
        <translation>本人（债务人）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="23"/>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="24"/>
        <source>Nobody reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="30"/>
        <source>Promise to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="31"/>
        <source>Claims already paid</source>
        <translation>声称已还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="32"/>
        <source>Dispute</source>
        <translation>有异议</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="33"/>
        <source>Hardship</source>
        <translation>经济困难</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="34"/>
        <source>Refuses to pay</source>
        <translation>拒绝还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="35"/>
        <source>Callback requested</source>
        <translation>要求回电</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="36"/>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="37"/>
        <source>Asks not to be contacted</source>
        <translation>要求停止联系</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="38"/>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="39"/>
        <source>Bankrupt</source>
        <translation>已破产</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="40"/>
        <source>Message left</source>
        <translation>已留言</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="41"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="42"/>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="43"/>
        <source>Switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="44"/>
        <source>Invalid number</source>
        <translation>空号</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="45"/>
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="51"/>
        <source>Unverified</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="52"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="53"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="54"/>
        <source>Wrong party</source>
        <translation>非本人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="55"/>
        <source>Do not contact</source>
        <translation>禁止联系</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="61"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="62"/>
        <source>On hold</source>
        <translation>暂停催收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="63"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="69"/>
        <source>Pending</source>
        <translation>待履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="70"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="71"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="77"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="78"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="79"/>
        <source>Visit</source>
        <translation>外访</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="86"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="87"/>
        <source>Callbacks due</source>
        <translation>待回电</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="88"/>
        <source>Promises due</source>
        <translation>承诺到期</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="89"/>
        <source>Bucket M1 (1–30 days)</source>
        <translation>M1（逾期 1–30 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="90"/>
        <source>Bucket M2 (31–60 days)</source>
        <translation>M2（逾期 31–60 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="91"/>
        <source>Bucket M3 (61–90 days)</source>
        <translation>M3（逾期 61–90 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="92"/>
        <source>Bucket M4+ (91+ days)</source>
        <translation>M4+（逾期 91 天以上）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="105"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="107"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="124"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="141"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="32"/>
        <source>Wrong user name or password. Check both and try again.</source>
        <translation>用户名或密码错误，请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="34"/>
        <source>This account is locked. Ask your team lead or IT to unlock it.</source>
        <translation>此账户已被锁定，请联系组长或 IT 解锁。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="36"/>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation>无法连接服务器 %1，请检查地址和网络。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="41"/>
        <source>This AgentDesk is too old for the server. Install the new version, then sign in.</source>
        <translation>此版本 AgentDesk 过旧，服务器不再支持。请安装新版本后再登录。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="46"/>
        <source>No secure credential store on this computer, so AgentDesk cannot keep your data encrypted. Ask IT.</source>
        <translation>本机没有安全凭据存储，AgentDesk 无法加密保存您的数据。请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="54"/>
        <source>Unexpected error (%1). Please report it to IT.</source>
        <translation>意外错误（%1），请报告 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="116"/>
        <source>Choose a demo account…</source>
        <translation>选择演示账户…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="150"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>请输入服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="156"/>
        <source>Signing in to %1…</source>
        <translation>正在登录 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="7"/>
        <source>Sign in to AgentDesk</source>
        <translation>登录 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="16"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="21"/>
        <source>Sign in with your work account.</source>
        <translation>请使用工作账户登录。</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="40"/>
        <source>&amp;Server</source>
        <translation>服务器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="47"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="52"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="58"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="63"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="70"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="75"/>
        <source>&amp;Remember me on this computer</source>
        <translation>在此电脑上记住我(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="76"/>
        <source>Keeps you signed in; the sign-in is kept in the system&apos;s credential store.</source>
        <translation>保持登录；登录凭据保存在系统的凭据存储中。</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="91"/>
        <source>Demo accounts (password: demo)</source>
        <translation>演示账户（密码：demo）</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="97"/>
        <source>Demo account</source>
        <translation>演示账户</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="125"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="131"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="124"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="124"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="124"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="127"/>
        <source>Team queue</source>
        <translation>团队队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="127"/>
        <location filename="../../ui/mainwindow.ui" line="47"/>
        <source>My queue</source>
        <translation>我的队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="128"/>
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="132"/>
        <source>Server unreachable: working from this computer&apos;s saved queue.</source>
        <translation>无法连接服务器：正在使用本机保存的队列工作。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="201"/>
        <location filename="../../ui/mainwindow.ui" line="96"/>
        <source>Next case</source>
        <translation>下一个案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="216"/>
        <source>Demo: data not encrypted</source>
        <translation>演示：数据未加密</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="237"/>
        <source>%1 cases</source>
        <translation>%1 个案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="267"/>
        <source>No case may be called right now.</source>
        <translation>当前没有可以拨打的案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="299"/>
        <source>This case is no longer in your queue (reassigned or closed).</source>
        <translation>此案件已不在您的队列中（已转派或已结案）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="353"/>
        <source>Saved. It is sent to the server in the background.</source>
        <translation>已保存，将在后台发送到服务器。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="365"/>
        <source>Call not allowed</source>
        <translation>不允许拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="368"/>
        <source>Call started: the wrap-up records this time as its start.</source>
        <translation>通话开始：小结将以此时间作为开始时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="375"/>
        <source>This case was reassigned away from you.</source>
        <translation>此案件已转派给他人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="381"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="389"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="433"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="438"/>
        <source>About AgentDesk</source>
        <translation>关于 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="439"/>
        <source>AgentDesk %1: regulated, recorded, respectful collection.</source>
        <translation>AgentDesk %1：合规、留痕、有尊重的催收。</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="6"/>
        <source>AgentDesk</source>
        <translation>AgentDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="36"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="69"/>
        <source>Search name, phone tail, account no. (Ctrl+F)</source>
        <translation>搜索姓名、手机尾号、账号 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="71"/>
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="76"/>
        <source>Queue filter</source>
        <translation>队列筛选</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="84"/>
        <source>Queue of cases, best first</source>
        <translation>案件队列，优先级从高到低</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="104"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="138"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="145"/>
        <source>&amp;Case</source>
        <translation>案件(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="155"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="169"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="180"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="184"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="187"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="191"/>
        <source>&amp;Next case</source>
        <translation>下一个案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="192"/>
        <source>Open the top case you may call now (F2)</source>
        <translation>打开当前可拨打的最优先案件 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="196"/>
        <source>&amp;Call selected number</source>
        <translation>拨打所选号码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="200"/>
        <source>Save wrap-up and &amp;next</source>
        <translation>保存小结并下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="204"/>
        <source>&amp;Save wrap-up</source>
        <translation>保存小结(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="208"/>
        <source>&amp;Find in queue</source>
        <translation>在队列中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="212"/>
        <source>Switch &amp;talk track</source>
        <translation>切换话术(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="216"/>
        <source>Go to &amp;queue</source>
        <translation>转到队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="220"/>
        <source>Go to c&amp;ase</source>
        <translation>转到案件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="224"/>
        <source>Go to &amp;talk track</source>
        <translation>转到话术(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="228"/>
        <source>Go to &amp;wrap-up</source>
        <translation>转到小结(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="233"/>
        <source>Colours as the &amp;system</source>
        <translation>跟随系统配色(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="237"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="241"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="252"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="256"/>
        <source>&amp;About AgentDesk</source>
        <translation>关于 AgentDesk(&amp;A)</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="47"/>
        <location filename="../../agentdesk/desktop/noteform.py" line="48"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="218"/>
        <source>Draft…</source>
        <translation>草稿…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="225"/>
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="6"/>
        <source>Wrap-up form</source>
        <translation>通话小结表单</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="17"/>
        <source>Wrap-up</source>
        <translation>通话小结</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="45"/>
        <source>Your unsaved wrap-up for this case was restored.</source>
        <translation>已恢复此案件未保存的小结。</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="51"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="65"/>
        <source>&amp;Reached</source>
        <translation>接通对象(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="71"/>
        <source>Who was reached</source>
        <translation>接通对象</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="76"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="82"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="87"/>
        <source>Promise &amp;amount</source>
        <translation>承诺金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="93"/>
        <source>e.g. 1,500.00</source>
        <translation>例如 1,500.00</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="94"/>
        <source>Promised amount</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="99"/>
        <source>Promise &amp;date</source>
        <translation>承诺日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="107"/>
        <source>Promised payment date</source>
        <translation>承诺还款日期</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="119"/>
        <source>Call&amp;back at</source>
        <translation>回电时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="127"/>
        <source>Callback date and time</source>
        <translation>回电日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="139"/>
        <source>&amp;Contact</source>
        <translation>联系方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="145"/>
        <source>Contact point used</source>
        <translation>本次使用的联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="152"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="159"/>
        <source>What was said and agreed</source>
        <translation>沟通内容和约定</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="160"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="175"/>
        <source>Ctrl+Enter saves and opens the next case</source>
        <translation>Ctrl+Enter 保存并打开下一个案件</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="187"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="188"/>
        <source>Save the wrap-up and stay on this case (Ctrl+S)</source>
        <translation>保存小结并停留在此案件 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="194"/>
        <source>Save &amp;&amp; next</source>
        <translation>保存并下一个</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="195"/>
        <source>Save the wrap-up and open the next case (Ctrl+Enter)</source>
        <translation>保存小结并打开下一个案件 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="106"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="107"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="108"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="109"/>
        <source>Last outcome</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="110"/>
        <source>Next call</source>
        <translation>下次可拨</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="111"/>
        <source>Why here</source>
        <translation>排序原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="112"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="163"/>
        <source>● Changes not yet on the server</source>
        <translation>● 有尚未上传到服务器的更改</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="168"/>
        <source>Outstanding: %1</source>
        <translation>剩余欠款：%1</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="24"/>
        <source>⟳ Syncing…</source>
        <translation>⟳ 正在同步…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="26"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="28"/>
        <source>● Offline: changes are kept and sent when the server is back</source>
        <translation>● 离线：更改已保存，服务器恢复后自动发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="32"/>
        <source>%1 waiting to send</source>
        <translation>%1 条待发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="34"/>
        <source>All sent</source>
        <translation>已全部发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="37"/>
        <source>%1 rejected: see the case timeline</source>
        <translation>%1 条被拒绝：见案件联系记录</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="41"/>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="43"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>TalkTrackPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="63"/>
        <source>No talk track for this case.</source>
        <translation>此案件没有适用的话术。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="103"/>
        <source>The debtor answers this way: go to the matching step</source>
        <translation>债务人这样回答：转到对应步骤</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="118"/>
        <source>Required line: tick it once you have said it</source>
        <translation>必说话术：说完后勾选</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="119"/>
        <source>Required line said</source>
        <translation>必说话术已说</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="156"/>
        <source>Required lines %1/%2</source>
        <translation>必说话术 %1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/talktrack.ui" line="6"/>
        <location filename="../../ui/talktrack.ui" line="17"/>
        <location filename="../../ui/talktrack.ui" line="37"/>
        <source>Talk track</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../ui/talktrack.ui" line="36"/>
        <source>Switch to another talk track (Ctrl+T)</source>
        <translation>切换到其他话术 (Ctrl+T)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="49"/>
        <source>Flagged: %1</source>
        <translation>已标记：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="74"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="82"/>
        <source>Promise %1 by %2</source>
        <translation>承诺 %2 前还款 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="96"/>
        <source>Payment received %1</source>
        <translation>收到还款 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="108"/>
        <source>No contact with this debtor yet.</source>
        <translation>尚未联系过此债务人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="117"/>
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="89"/>
        <source>The promise exceeds the outstanding balance %1.</source>
        <translation>承诺金额超过剩余欠款 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="94"/>
        <source>The promise date must be within %1 days (by %2).</source>
        <translation>承诺日期须在 %1 天之内（%2 之前）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="99"/>
        <source>The promise date is in the past.</source>
        <translation>承诺日期已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="102"/>
        <source>The promised amount must be more than zero.</source>
        <translation>承诺金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="106"/>
        <source>The case is on hold (%1): no promise can be taken.</source>
        <translation>案件已暂停催收（%1）：不能记录承诺。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="138"/>
        <source>Choose who was reached.</source>
        <translation>请选择接通对象。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="140"/>
        <source>Choose the outcome of the call.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="142"/>
        <source>This outcome does not fit who was reached.</source>
        <translation>此结果与接通对象不符。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="151"/>
        <source>Write the amount like 1500 or 1,500.00.</source>
        <translation>金额请写成 1500 或 1,500.00。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="155"/>
        <source>Choose the date the debtor will pay.</source>
        <translation>请选择债务人的还款日期。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="165"/>
        <source>Choose when to call back.</source>
        <translation>请选择回电时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="167"/>
        <source>The callback time has already passed.</source>
        <translation>回电时间已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="172"/>
        <source>Not an allowed hour for a call: %1</source>
        <translation>该时间不允许拨打：%1</translation>
    </message>
</context>
</TS>
