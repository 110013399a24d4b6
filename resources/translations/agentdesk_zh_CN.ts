<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="46"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="47"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="48"/>
        <source>Wrap-up</source>
        <translation>通话小结</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="49"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="68"/>
        <source>My state</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="69"/>
        <source>Your state as your team lead sees it</source>
        <translation>组长在看板上看到的您的状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="77"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="51"/>
        <source>Phone line</source>
        <translation>电话线路</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="80"/>
        <source>Choose the number to call.</source>
        <translation>请选择要拨打的号码。</translation>
    </message>
    <message>
        <source>Call not allowed</source>
        <translation type="vanished">不允许拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="83"/>
        <source>Call not allowed: %1</source>
        <translation>不允许拨打：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="112"/>
        <source>Number handed to your desk phone: the wrap-up records this time as its start.</source>
        <translation>号码已交给您的桌面电话：通话小结以此时间为开始时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="118"/>
        <source>The number could not be fetched from the server, so nothing was dialled: %1</source>
        <translation>无法从服务器获取号码，未拨出：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="122"/>
        <source>The call could not be placed: %1</source>
        <translation>无法拨出电话：%1</translation>
    </message>
</context>
<context>
    <name>Calls</name>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="27"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="28"/>
        <source>Ringing…</source>
        <translation>正在振铃…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="29"/>
        <source>Connected</source>
        <translation>已接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="30"/>
        <source>Call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="41"/>
        <source>Connected, %1</source>
        <translation>已接通，%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="48"/>
        <source>Call ended · %1</source>
        <translation>通话已结束 · %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="53"/>
        <source>No phone line on this desk: the number goes to your desk phone.</source>
        <translation>本工作台没有电话线路：号码将交给您的桌面电话。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="54"/>
        <source>The phone line is not registered with the PBX: check the network, or ask IT.</source>
        <translation>电话线路未在交换机注册：请检查网络，或联系 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="56"/>
        <source>The PBX refused: check the SIP password (Phone and audio devices…), or ask IT.</source>
        <translation>交换机拒绝：请检查 SIP 密码（电话和音频设备…），或联系 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="58"/>
        <source>No microphone or speaker found: connect a headset.</source>
        <translation>未找到麦克风或扬声器：请连接耳机。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="59"/>
        <source>A call is in progress: hang up first.</source>
        <translation>正在通话中：请先挂断。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="60"/>
        <source>No SIP password on this desk yet: enter it in Phone and audio devices…</source>
        <translation>本机尚未保存 SIP 密码：请在“电话和音频设备…”中输入。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="61"/>
        <source>The phone could not place the call.</source>
        <translation>电话无法拨出。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="72"/>
        <source>No phone line · numbers go to your desk phone</source>
        <translation>无电话线路 · 号码交给桌面电话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="74"/>
        <source>Desk phone</source>
        <translation>桌面电话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="76"/>
        <source>Phone: signing in…</source>
        <translation>电话：正在注册…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="79"/>
        <source>Phone ready · no audio device</source>
        <translation>电话就绪 · 无音频设备</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="80"/>
        <source>Phone ready</source>
        <translation>电话就绪</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="86"/>
        <source>Phone / address</source>
        <translation>号码/地址</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="87"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="111"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="112"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="113"/>
        <location filename="../../ui/casepanel.ui" line="94"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="114"/>
        <location filename="../../ui/casepanel.ui" line="106"/>
        <source>Outstanding</source>
        <translation>剩余欠款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="115"/>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="116"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="117"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="141"/>
        <source>Call allowed now</source>
        <translation>现在可以拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="144"/>
        <source>Do not call</source>
        <translation>禁止拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="146"/>
        <source>Not now — next allowed %1</source>
        <translation>暂不可拨打 — 最早 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="218"/>
        <source>, born %1</source>
        <translation>，%1 年生</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="221"/>
        <source>ID %1%2 · %3</source>
        <translation>证件 %1%2 · %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="284"/>
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
        <location filename="../../ui/casepanel.ui" line="174"/>
        <source>Call in progress</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="187"/>
        <source>Call state</source>
        <translation>通话状态</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="193"/>
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="205"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="207"/>
        <source>Mute your microphone (F7)</source>
        <translation>麦克风静音 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="213"/>
        <source>&amp;Hold</source>
        <translation>保持(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="215"/>
        <source>Put the call on hold (F8)</source>
        <translation>保持通话 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="221"/>
        <source>&amp;Keypad</source>
        <translation>拨号盘(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="223"/>
        <source>Show the keypad to send tones (F11)</source>
        <translation>显示拨号盘发送按键音 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="229"/>
        <source>Hang &amp;up</source>
        <translation>挂断(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="230"/>
        <source>End the call (F6)</source>
        <translation>结束通话 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="240"/>
        <source>Keypad</source>
        <translation>拨号盘</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="339"/>
        <location filename="../../ui/casepanel.ui" line="345"/>
        <source>Contact points</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="359"/>
        <source>&amp;Timeline</source>
        <translation>联系记录(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="367"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="374"/>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="382"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="180"/>
        <source>AgentDesk hit an unexpected error.</source>
        <translation>AgentDesk 遇到意外错误。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="182"/>
        <source>Your saved work is safe: notes and outcomes are written locally before they are sent. A report without personal data was saved as %1. Please send it to IT.</source>
        <translation>已保存的工作不会丢失：备注和结果在发送前已写入本机。不含个人信息的报告已保存为 %1，请发给 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="188"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="38"/>
        <source>Demo mode without a secure keyring: the data on this computer is NOT encrypted and sign-ins are not remembered. Use only the demo portfolio here.</source>
        <translation>演示模式（本机没有安全密钥库）：本机数据未加密，登录状态不会保存。此处只可使用演示数据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="99"/>
        <source>Starting the demo server… (the first start seeds a demo portfolio)</source>
        <translation>正在启动演示服务器…（首次启动会生成演示案件）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="113"/>
        <source>Signing in as %1…</source>
        <translation>正在以 %1 登录…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="125"/>
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
    <name>LeadCharts</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="50"/>
        <source>Promised</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="51"/>
        <source>Collected</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="56"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="68"/>
        <source>Right-party contact rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="61"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="62"/>
        <source>Right-party contacts</source>
        <translation>本人接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="63"/>
        <source>Promises</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="64"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="69"/>
        <source>Promise rate</source>
        <translation>承诺率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="77"/>
        <source>(no track)</source>
        <translation>（无话术）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="83"/>
        <source>Promised and collected per day (¥)</source>
        <translation>每日承诺与回款（¥）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="84"/>
        <source>Right-party contact rate by debtor&apos;s local hour (%)</source>
        <translation>按债务人当地时间的本人接通率（%）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="85"/>
        <source>Funnel per agent</source>
        <translation>每位催收员的转化漏斗</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="86"/>
        <source>Outcome rates per talk track (%)</source>
        <translation>各话术的结果比率（%）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="116"/>
        <source>no data in this period yet</source>
        <translation>本期暂无数据</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="79"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="90"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="80"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="81"/>
        <source>Link opened</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="82"/>
        <source>Paid within 7 days</source>
        <translation>7天内还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="107"/>
        <source>SMS per template: sent, delivered, link opened, paid within 7 days</source>
        <translation>各短信模板：发送、送达、打开链接、7天内还款</translation>
    </message>
</context>
<context>
    <name>LeadConsole</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="153"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="154"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="91"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="331"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="399"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="155"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="156"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="157"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="164"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="172"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="160"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="161"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="162"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="400"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="163"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="167"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="168"/>
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="169"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="170"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="171"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="194"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="189"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="194"/>
        <source>All agents</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="195"/>
        <source>All buckets</source>
        <translation>全部账龄段</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="197"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="198"/>
        <source>No attempt yet</source>
        <translation>尚无拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="199"/>
        <source>All last outcomes</source>
        <translation>全部最近结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="200"/>
        <source>All promises</source>
        <translation>全部承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="204"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="213"/>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="293"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="445"/>
        <source>%1 cases · %2 overdue</source>
        <translation>%1 个案件 · 逾期 %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="447"/>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="477"/>
        <source>Move all %1 filtered cases (%2 overdue).</source>
        <translation>移动筛选出的全部 %1 个案件（逾期 %2）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="481"/>
        <source>Move %1 selected cases.</source>
        <translation>移动所选的 %1 个案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="490"/>
        <source>Redistribute %1&apos;s queue: %2 cases, %3.</source>
        <translation>重新分配 %1 的队列：%2 个案件，%3。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="497"/>
        <source>Select the absent agent on the board first.</source>
        <translation>请先在看板上选中缺勤的催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="502"/>
        <source>%1 cases moved. &quot;Undo last reassignment&quot; gives them back.</source>
        <translation>已移动 %1 个案件。“撤销上次分配”可将其退回。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="513"/>
        <source>%1 cases given back.</source>
        <translation>已退回 %1 个案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="515"/>
        <source>%1 changed since the move and stay where they are.</source>
        <translation>%1 个案件在移动后有变动，保持不变。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="542"/>
        <source>Flagged attempts (%1)</source>
        <translation>被标记的拨打（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="543"/>
        <source>Rejected changes (%1)</source>
        <translation>被拒绝的变更（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="544"/>
        <source>Numbers to verify (%1)</source>
        <translation>待核实号码（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="545"/>
        <source>%1 items wait for you.</source>
        <translation>共 %1 项待您处理。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="563"/>
        <source>Number approved.</source>
        <translation>号码已核准。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="563"/>
        <source>Number rejected.</source>
        <translation>号码已驳回。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="575"/>
        <source>Last %1 days, the team&apos;s own cases</source>
        <translation>最近 %1 天，本组案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="584"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="585"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="593"/>
        <location filename="../../ui/leadconsole.ui" line="56"/>
        <location filename="../../ui/leadconsole.ui" line="128"/>
        <source>Team board</source>
        <translation>团队看板</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="601"/>
        <location filename="../../ui/leadconsole.ui" line="155"/>
        <location filename="../../ui/leadconsole.ui" line="318"/>
        <source>Team cases</source>
        <translation>团队案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="606"/>
        <source>Exported %1 rows to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="620"/>
        <source>There is no reassignment to undo.</source>
        <translation>没有可撤销的分配。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="625"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="50"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="51"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="52"/>
        <source>Wrap-up</source>
        <translation>通话小结</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="53"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="54"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="91"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="92"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="92"/>
        <source>Queue value</source>
        <translation>队列金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="93"/>
        <source>Attempts today</source>
        <translation>今日拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="93"/>
        <source>RPC today</source>
        <translation>今日本人接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <source>Promised</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="95"/>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="134"/>
        <source>Drop cases here to move them to this agent</source>
        <translation>将案件拖到这里即分配给该催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="331"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="332"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="332"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="333"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="333"/>
        <source>Last outcome</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="334"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="334"/>
        <source>Lender</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="372"/>
        <source>Pending</source>
        <translation>待履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="373"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="374"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="375"/>
        <source>No promise</source>
        <translation>无承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="399"/>
        <source>Cases before → after</source>
        <translation>案件数 之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="400"/>
        <source>Amount before → after</source>
        <translation>金额 之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="29"/>
        <source>Lead console</source>
        <translation>组长控制台</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="33"/>
        <source>Board</source>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="86"/>
        <location filename="../../ui/leadconsole.ui" line="494"/>
        <location filename="../../ui/leadconsole.ui" line="744"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="89"/>
        <source>Refresh the board now (F5); it also refreshes by itself</source>
        <translation>立即刷新看板（F5）；看板也会自动刷新</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="96"/>
        <source>Redistribute…</source>
        <translation>重新分配…</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="99"/>
        <source>Spread the selected (absent) agent&apos;s queue over the others</source>
        <translation>将选中（缺勤）催收员的队列分给其他人</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="106"/>
        <source>Undo last reassignment</source>
        <translation>撤销上次分配</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="109"/>
        <source>Give the cases of the last reassignment back</source>
        <translation>将上次分配的案件退回原处</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="116"/>
        <location filename="../../ui/leadconsole.ui" line="428"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="119"/>
        <source>Save the board as an Excel workbook</source>
        <translation>将看板保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="141"/>
        <source>Drag cases from Team cases onto an agent to move them; select an agent and press Redistribute to spread an absent agent&apos;s queue.</source>
        <translation>将团队案件中的案件拖到催收员上即可移动；选中催收员后点“重新分配”可分摊缺勤者的队列。</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="181"/>
        <source>Agent filter</source>
        <translation>催收员筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="188"/>
        <source>Bucket filter</source>
        <translation>账龄段筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="195"/>
        <source>Status filter</source>
        <translation>状态筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="202"/>
        <source>Last outcome filter</source>
        <translation>最近结果筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="209"/>
        <source>Promise filter</source>
        <translation>承诺筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="216"/>
        <source>Name, phone tail or account</source>
        <translation>姓名、手机尾号或账号</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="219"/>
        <source>Search cases</source>
        <translation>搜索案件</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="236"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="243"/>
        <source>Minimum days past due</source>
        <translation>最小逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="250"/>
        <location filename="../../ui/leadconsole.ui" line="278"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="257"/>
        <source>Maximum days past due</source>
        <translation>最大逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="264"/>
        <source>Overdue amount</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="271"/>
        <source>Minimum overdue amount</source>
        <translation>最小逾期金额</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="285"/>
        <source>Maximum overdue amount</source>
        <translation>最大逾期金额</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="292"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="347"/>
        <source>Drop on an agent</source>
        <translation>拖到催收员</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="357"/>
        <source>Drag selected cases onto an agent: a preview opens before anything moves.</source>
        <translation>将选中的案件拖到催收员上：移动前会先显示预览。</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="370"/>
        <source>Agents to drop cases on</source>
        <translation>可拖放案件的催收员</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="408"/>
        <source>Reassign selected…</source>
        <translation>分配所选…</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="411"/>
        <source>Move the selected cases (with a preview)</source>
        <translation>移动所选案件（先预览）</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="418"/>
        <source>Reassign all filtered…</source>
        <translation>分配全部筛选结果…</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="421"/>
        <source>Move every case the filters show (with a preview)</source>
        <translation>移动筛选出的全部案件（先预览）</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="431"/>
        <source>Save the filtered cases as an Excel workbook</source>
        <translation>将筛选出的案件保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="441"/>
        <source>Review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="464"/>
        <source>To review</source>
        <translation>待审核事项</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="504"/>
        <location filename="../../ui/leadconsole.ui" line="535"/>
        <source>Flagged attempts</source>
        <translation>被标记的拨打</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="522"/>
        <source>Attempts the compliance guard flagged: they were stored, not hidden.</source>
        <translation>合规检查标记的拨打：已保存，不会隐藏。</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="549"/>
        <location filename="../../ui/leadconsole.ui" line="580"/>
        <source>Rejected changes</source>
        <translation>被拒绝的变更</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="567"/>
        <source>Changes from agents&apos; computers that the server refused, with the reason.</source>
        <translation>催收员电脑上被服务器拒绝的变更及原因。</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="594"/>
        <location filename="../../ui/leadconsole.ui" line="625"/>
        <source>Numbers to verify</source>
        <translation>待核实号码</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="612"/>
        <source>Numbers agents found by data repair wait here until you approve or reject them.</source>
        <translation>催收员通过数据修复找到的号码在此等待您核准或驳回。</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="653"/>
        <source>Reject number</source>
        <translation>驳回号码</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="660"/>
        <source>Approve number</source>
        <translation>核准号码</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="677"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="700"/>
        <source>What works</source>
        <translation>效果分析</translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="730"/>
        <location filename="../../ui/leadconsole.ui" line="737"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Case ID</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Account no.</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Bucket</source>
        <translation>账龄段</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Last attempt</source>
        <translation>最近联系时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="1"/>
        <source>Promise due</source>
        <translation>承诺还款日</translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="25"/>
        <source>Call in progress</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="26"/>
        <source>A call is in progress. Hang up and leave this case?</source>
        <translation>正在通话中。挂断并离开此案件吗？</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="27"/>
        <source>A call is in progress. Hang up and quit?</source>
        <translation>正在通话中。挂断并退出吗？</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="37"/>
        <source>Wrap-up not saved</source>
        <translation>通话小结未保存</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="38"/>
        <source>The wrap-up of this case is not saved. It is kept as a draft (with the number called) and offered back when you open the case again. Leave it?</source>
        <translation>此案件的通话小结尚未保存。它将作为草稿保留（含所拨号码），再次打开案件时恢复。要离开吗？</translation>
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
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="1"/>
        <source>Too many failed sign-ins. Wait %1 seconds, then try again.</source>
        <translation>登录失败次数过多。请等待 %1 秒后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="148"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="148"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="148"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="151"/>
        <source>Team queue</source>
        <translation>团队队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="151"/>
        <location filename="../../ui/mainwindow.ui" line="47"/>
        <source>My queue</source>
        <translation>我的队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="152"/>
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="156"/>
        <source>Server unreachable: working from this computer&apos;s saved queue.</source>
        <translation>无法连接服务器：正在使用本机保存的队列工作。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="184"/>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="549"/>
        <source>Case work</source>
        <translation>案件处理</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="256"/>
        <location filename="../../ui/mainwindow.ui" line="96"/>
        <source>Next case</source>
        <translation>下一个案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="271"/>
        <source>Demo: data not encrypted</source>
        <translation>演示：数据未加密</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="301"/>
        <source>%1 cases</source>
        <translation>%1 个案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="372"/>
        <source>No other open case in the queue.</source>
        <translation>队列中没有其他未结案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="380"/>
        <source>No case may be called right now: opened the first one callable, from %1.</source>
        <translation>当前没有可以拨打的案件：已打开最早可拨打的案件（%1 起）。</translation>
    </message>
    <message>
        <source>No case may be called right now.</source>
        <translation type="vanished">当前没有可以拨打的案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="419"/>
        <source>This case is no longer in your queue (reassigned or closed).</source>
        <translation>此案件已不在您的队列中（已转派或已结案）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="472"/>
        <source>No call was placed from this desk for this case to this number: dial first (F5), or tick “The debtor called in”.</source>
        <translation>本工作台未为此案件拨打过此号码：请先拨打 (F5)，或勾选“债务人来电”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="478"/>
        <source>Saved. It is sent to the server in the background.</source>
        <translation>已保存，将在后台发送到服务器。</translation>
    </message>
    <message>
        <source>Call not allowed</source>
        <translation type="vanished">不允许拨打</translation>
    </message>
    <message>
        <source>Call started: the wrap-up records this time as its start.</source>
        <translation type="vanished">通话开始：小结将以此时间作为开始时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="504"/>
        <source>This case was reassigned away from you.</source>
        <translation>此案件已转派给他人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="510"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="518"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="569"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="574"/>
        <source>About AgentDesk</source>
        <translation>关于 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="575"/>
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
        <location filename="../../ui/mainwindow.ui" line="161"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="175"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="186"/>
        <source>&amp;Sync now</source>
        <translation>立即同步(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="190"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="193"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="197"/>
        <source>&amp;Next case</source>
        <translation>下一个案件(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="198"/>
        <source>Open the top case you may call now (F2)</source>
        <translation>打开当前可拨打的最优先案件 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="202"/>
        <source>&amp;Call selected number</source>
        <translation>拨打所选号码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="206"/>
        <source>&amp;Hang up</source>
        <translation>挂断(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="211"/>
        <source>&amp;Mute microphone</source>
        <translation>麦克风静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="216"/>
        <source>H&amp;old call</source>
        <translation>保持通话(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="221"/>
        <source>Call &amp;keypad</source>
        <translation>拨号盘(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="225"/>
        <source>&amp;Phone and audio devices…</source>
        <translation>电话和音频设备(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="228"/>
        <source>Save wrap-up and &amp;next</source>
        <translation>保存小结并下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="232"/>
        <source>&amp;Save wrap-up</source>
        <translation>保存小结(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="236"/>
        <source>&amp;Find in queue</source>
        <translation>在队列中查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="240"/>
        <source>Switch &amp;talk track</source>
        <translation>切换话术(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="244"/>
        <source>Go to &amp;queue</source>
        <translation>转到队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="248"/>
        <source>Go to c&amp;ase</source>
        <translation>转到案件(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="252"/>
        <source>Go to &amp;talk track</source>
        <translation>转到话术(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="256"/>
        <source>Go to &amp;wrap-up</source>
        <translation>转到小结(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="261"/>
        <source>Colours as the &amp;system</source>
        <translation>跟随系统配色(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="265"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="269"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="280"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="284"/>
        <source>&amp;About AgentDesk</source>
        <translation>关于 AgentDesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="336"/>
        <source>No other open case in the queue.</source>
        <translation>队列中没有其他未结案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="344"/>
        <source>No case may be called right now: opened the first one callable, from %1.</source>
        <translation>当前没有可以拨打的案件：已打开最早可拨打的案件（%1 起）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="445"/>
        <source>SMS queued. It is sent to the server in the background.</source>
        <translation>短信已排队，将在后台提交到服务器。</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="53"/>
        <location filename="../../agentdesk/desktop/noteform.py" line="54"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="136"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="171"/>
        <source>The debtor called in: no call from this desk is needed.</source>
        <translation>债务人来电：无需从本工作台拨出。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="173"/>
        <source>Call placed from this desk.</source>
        <translation>已从本工作台拨出。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="175"/>
        <location filename="../../ui/noteform.ui" line="70"/>
        <source>No call placed yet: dial first (F5).</source>
        <translation>尚未拨出：请先拨打 (F5)。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="313"/>
        <source>Draft…</source>
        <translation>草稿…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="320"/>
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
        <location filename="../../ui/noteform.ui" line="61"/>
        <source>The call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="72"/>
        <source>Call result</source>
        <translation>通话结果</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="77"/>
        <source>The debtor &amp;called in</source>
        <translation>债务人来电(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="78"/>
        <source>The debtor phoned the centre: the outcome needs no call placed from this desk</source>
        <translation>债务人主动来电：记录结果无需从本工作台拨出</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="91"/>
        <source>&amp;Reached</source>
        <translation>接通对象(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="97"/>
        <source>Who was reached</source>
        <translation>接通对象</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="102"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="108"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="113"/>
        <source>Promise &amp;amount</source>
        <translation>承诺金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="119"/>
        <source>e.g. 1,500.00</source>
        <translation>例如 1,500.00</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="120"/>
        <source>Promised amount</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="125"/>
        <source>Promise &amp;date</source>
        <translation>承诺日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="133"/>
        <source>Promised payment date</source>
        <translation>承诺还款日期</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="145"/>
        <source>Call&amp;back at</source>
        <translation>回电时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="153"/>
        <source>Callback date and time</source>
        <translation>回电日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="165"/>
        <source>&amp;Contact</source>
        <translation>联系方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="171"/>
        <source>Contact point used</source>
        <translation>本次使用的联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="178"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="185"/>
        <source>What was said and agreed</source>
        <translation>沟通内容和约定</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="186"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="201"/>
        <source>Ctrl+Enter saves and opens the next case</source>
        <translation>Ctrl+Enter 保存并打开下一个案件</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="213"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="214"/>
        <source>Save the wrap-up and stay on this case (Ctrl+S)</source>
        <translation>保存小结并停留在此案件 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="220"/>
        <source>Save &amp;&amp; next</source>
        <translation>保存并下一个</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="221"/>
        <source>Save the wrap-up and open the next case (Ctrl+Enter)</source>
        <translation>保存小结并打开下一个案件 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/phone_dialog.py" line="49"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/phone_dialog.py" line="58"/>
        <source>Playing a tone on the speaker for about a second.</source>
        <translation>扬声器正在播放约一秒的测试音。</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="5"/>
        <source>Phone and audio devices</source>
        <translation>电话和音频设备</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="18"/>
        <source>&amp;Microphone</source>
        <translation>麦克风(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="27"/>
        <source>&amp;Speaker</source>
        <translation>扬声器(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="40"/>
        <source>&amp;Test tone</source>
        <translation>测试音(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="48"/>
        <source>SIP &amp;password</source>
        <translation>SIP 密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="55"/>
        <source>Kept in this computer&apos;s credential store</source>
        <translation>保存在本机凭据库中</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="125"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="126"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="127"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="128"/>
        <source>Last outcome</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="129"/>
        <source>Next call</source>
        <translation>下次可拨</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="130"/>
        <source>Why here</source>
        <translation>排序原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="131"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="182"/>
        <source>● Changes not yet on the server</source>
        <translation>● 有尚未上传到服务器的更改</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="187"/>
        <source>Outstanding: %1</source>
        <translation>剩余欠款：%1</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="69"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="69"/>
        <source>Queue now</source>
        <translation>当前队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="70"/>
        <source>Capacity (queue size)</source>
        <translation>容量（队列上限）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="165"/>
        <location filename="../../ui/reassign.ui" line="14"/>
        <source>Reassign cases</source>
        <translation>重新分配案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="213"/>
        <source>Asking the server for a preview…</source>
        <translation>正在向服务器请求预览…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="226"/>
        <source>%1 cases, %2 overdue, change owner.</source>
        <translation>%1 个案件（逾期 %2）将更换负责人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="231"/>
        <source>Nothing to move: these cases already sit with the chosen agents.</source>
        <translation>无需移动：这些案件已在所选催收员名下。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="243"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="253"/>
        <source>Moving the cases…</source>
        <translation>正在移动案件…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="266"/>
        <source>Tick at least one agent to receive the cases.</source>
        <translation>请至少勾选一位接收案件的催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="268"/>
        <source>&quot;To one agent&quot; takes exactly one ticked agent.</source>
        <translation>“分给一人”只能勾选一位催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="270"/>
        <source>No cases are chosen.</source>
        <translation>没有选中任何案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="271"/>
        <source>The absent agent cannot receive their own cases.</source>
        <translation>缺勤的催收员不能接收自己的案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="273"/>
        <source>Give at least one ticked agent a capacity above zero.</source>
        <translation>请至少为一位勾选的催收员设置大于零的容量。</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="45"/>
        <source>How to share them out</source>
        <translation>分配方式</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="51"/>
        <source>To one agent</source>
        <translation>全部分给一人</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="61"/>
        <source>Split evenly among the chosen agents</source>
        <translation>在所选催收员之间平均分配</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="68"/>
        <source>By capacity: fill each agent up to the queue size you set</source>
        <translation>按容量：把每人的队列补到您设定的上限</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="78"/>
        <location filename="../../ui/reassign.ui" line="85"/>
        <source>Agents who receive the cases</source>
        <translation>接收案件的催收员</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="100"/>
        <source>Preview: each agent&apos;s queue before → after</source>
        <translation>预览：每人队列 之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="123"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="132"/>
        <source>Reassignment preview</source>
        <translation>重新分配预览</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="177"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="184"/>
        <source>Reassign</source>
        <translation>确认分配</translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="33"/>
        <source>1 SMS · %1 of %2 characters · %3</source>
        <translation>1 条短信 · %1/%2 字 · %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="35"/>
        <source>%1 SMS, joined on the phone · %2 characters, %3 a part · %4</source>
        <translation>%1 条短信（手机上合并为一条）· %2 字，每条 %3 字 · %4</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="72"/>
        <source>Send SMS — %1</source>
        <translation>发送短信 — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="83"/>
        <source>Demo server: no SMS gateway is connected. The message is recorded on the case and checked like a real one, but it is not sent to any phone.</source>
        <translation>演示服务器：未连接短信网关。短信会像真实发送一样经过检查并记录在案件中，但不会发到任何手机。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="86"/>
        <source>Record (demo: not sent)</source>
        <translation>记录（演示：不发送）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="88"/>
        <source>Sent once through the centre&apos;s SMS gateway; delivery and link opens show in the case&apos;s timeline.</source>
        <translation>经中心的短信网关只发送一次；送达和打开链接情况会显示在案件时间线中。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="91"/>
        <location filename="../../ui/smsdialog.ui" line="104"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="132"/>
        <source>This case has no phone number.</source>
        <translation>此案件没有电话号码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="139"/>
        <source>Allowed now.</source>
        <translation>现在可以发送。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="166"/>
        <source>Send &amp;SMS…</source>
        <translation>发送短信(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="169"/>
        <source>Send the open case an SMS from a template (%1)</source>
        <translation>用模板给当前案件发送短信（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="7"/>
        <source>Send SMS</source>
        <translation>发送短信</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="20"/>
        <source>&amp;Number</source>
        <translation>号码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="26"/>
        <source>Number to send to</source>
        <translation>发送到的号码</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="31"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="37"/>
        <source>Language of the message</source>
        <translation>短信语言</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="47"/>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="58"/>
        <source>What the debtor will read</source>
        <translation>债务人将看到的内容</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="65"/>
        <source>Message preview</source>
        <translation>短信预览</translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>StrategyEditor</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="138"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="141"/>
        <source>Strategy</source>
        <translation>排序策略</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="145"/>
        <source>Queue strategy</source>
        <translation>队列排序策略</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="147"/>
        <source>These weights order every agent&apos;s queue. A change reaches every desk within seconds; hover over a weight or read the line under it for why its default is what it is.</source>
        <translation>这些权重决定每位坐席的队列顺序。修改后数秒内送达所有工作台；将鼠标停在权重上或阅读其下方的说明，可了解默认值的依据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="149"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="150"/>
        <source>Documented &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="151"/>
        <source>&amp;Revert</source>
        <translation>撤销修改(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="152"/>
        <source>&amp;Save for everyone</source>
        <translation>保存并下发(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="156"/>
        <source>Default %1.</source>
        <translation>默认值 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="221"/>
        <source>Version %1: the documented defaults.</source>
        <translation>版本 %1：文档规定的默认值。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="223"/>
        <source>Version %1, saved by %2 on %3.</source>
        <translation>版本 %1，由 %2 于 %3 保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="233"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="235"/>
        <source>Changed, not saved yet.</source>
        <translation>已修改，尚未保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="254"/>
        <source>Strategy saved as version %1; every queue now uses it.</source>
        <translation>策略已保存为版本 %1，所有队列现已按其排序。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="268"/>
        <source>Someone saved the strategy meanwhile. Press Revert to see theirs, then make your change again.</source>
        <translation>其他人已先保存了策略。请点“撤销修改”查看其版本，再重新修改。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="274"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
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
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="69"/>
        <source>No talk track for this case.</source>
        <translation>此案件没有适用的话术。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="130"/>
        <source>The debtor answers this way: go to the matching step</source>
        <translation>债务人这样回答：转到对应步骤</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="146"/>
        <source>Required line: tick it once you have said it</source>
        <translation>必说话术：说完后勾选</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="147"/>
        <source>Required line said</source>
        <translation>必说话术已说</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="187"/>
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
        <location filename="../../agentdesk/desktop/timeline.py" line="50"/>
        <source>Flagged: %1</source>
        <translation>已标记：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="75"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="83"/>
        <source>Promise %1 by %2</source>
        <translation>承诺 %2 前还款 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="97"/>
        <source>Payment received %1</source>
        <translation>收到还款 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="109"/>
        <source>No contact with this debtor yet.</source>
        <translation>尚未联系过此债务人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="118"/>
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="113"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="121"/>
        <source>scheduled by the strategy</source>
        <translation>由策略安排</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="123"/>
        <source>link opened %1</source>
        <translation>%1 打开了链接</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="127"/>
        <source>SMS: %1</source>
        <translation>短信：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="137"/>
        <source>waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="138"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="139"/>
        <location filename="../../agentdesk/desktop/timeline.py" line="140"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="141"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="142"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="143"/>
        <source>not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="144"/>
        <source>cancelled (not sent)</source>
        <translation>已取消（未发送）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="145"/>
        <source>refused by the gateway</source>
        <translation>网关拒绝</translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="101"/>
        <source>The promise exceeds the outstanding balance %1.</source>
        <translation>承诺金额超过剩余欠款 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="106"/>
        <source>The promise date must be within %1 days (by %2).</source>
        <translation>承诺日期须在 %1 天之内（%2 之前）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="111"/>
        <source>The promise date is in the past.</source>
        <translation>承诺日期已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="114"/>
        <source>The promised amount must be more than zero.</source>
        <translation>承诺金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="118"/>
        <source>The case is on hold (%1): no promise can be taken.</source>
        <translation>案件已暂停催收（%1）：不能记录承诺。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="150"/>
        <source>No call was placed from this desk for this case: dial first (F5), or tick “The debtor called in”.</source>
        <translation>本工作台未为此案件拨出电话：请先拨打 (F5)，或勾选“债务人来电”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="154"/>
        <source>When the debtor called in, someone was reached: choose who.</source>
        <translation>债务人来电时必有人接通：请选择接通对象。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="156"/>
        <source>Choose who was reached.</source>
        <translation>请选择接通对象。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="158"/>
        <source>Choose the outcome of the call.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="160"/>
        <source>This outcome does not fit who was reached.</source>
        <translation>此结果与接通对象不符。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="169"/>
        <source>Write the amount like 1500 or 1,500.00.</source>
        <translation>金额请写成 1500 或 1,500.00。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="173"/>
        <source>Choose the date the debtor will pay.</source>
        <translation>请选择债务人的还款日期。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="183"/>
        <source>Choose when to call back.</source>
        <translation>请选择回电时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="185"/>
        <source>The callback time has already passed.</source>
        <translation>回电时间已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="190"/>
        <source>Not an allowed hour for a call: %1</source>
        <translation>该时间不允许拨打：%1</translation>
    </message>
</context>
<context>
    <name>LeadCharts</name>
    <message>
        <source>Average QA score</source>
        <translation>平均质检得分</translation>
    </message>
    <message>
        <source>Average QA score per agent (scored calls)</source>
        <translation>各坐席平均质检得分（已评分通话数）</translation>
    </message>
    <message>
        <source>Average QA score per talk track (scored calls)</source>
        <translation>各话术平均质检得分（已评分通话数）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>My QA scores…</source>
        <translation>我的质检得分…</translation>
    </message>
</context>
<context>
    <name>MyScoresDialog</name>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Scored by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Loading your scores…</source>
        <translation>正在载入您的得分…</translation>
    </message>
    <message>
        <source>%1 calls scored, average %2</source>
        <translation>已评分通话 %1 通，平均 %2 分</translation>
    </message>
    <message>
        <source>None of your calls has been scored yet.</source>
        <translation>您的通话尚未被评分。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <source>My QA scores</source>
        <translation>我的质检得分</translation>
    </message>
    <message>
        <source>Scored calls</source>
        <translation>已评分的通话</translation>
    </message>
    <message>
        <source>The score sheet of the selected call</source>
        <translation>所选通话的质检表</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>合规标记</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Recordings</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1 recorded calls</source>
        <translation>录音通话 %1 通</translation>
    </message>
    <message>
        <source>%1 scored, average %2</source>
        <translation>已评分 %1 通，平均 %2 分</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>正在载入录音…</translation>
    </message>
    <message>
        <source>Flagged: %1</source>
        <translation>已标记：%1</translation>
    </message>
    <message>
        <source>checksum %1…</source>
        <translation>校验值 %1…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>The recording could not be played: %1</source>
        <translation>录音无法播放：%1</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Critical: failing this item scores the call 0</source>
        <translation>关键项：此项不合格，整通通话计 0 分</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <source>(saved: %1)</source>
        <translation>（已保存：%1）</translation>
    </message>
    <message>
        <source>Score %1 saved for %2's call.</source>
        <translation>已为 %2 的通话保存得分 %1。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Flagged calls only</source>
        <translation>仅看被标记的通话</translation>
    </message>
    <message>
        <source>Length (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Shortest call in seconds</source>
        <translation>最短通话（秒）</translation>
    </message>
    <message>
        <source>Longest call in seconds</source>
        <translation>最长通话（秒）</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Recorded calls</source>
        <translation>录音通话</translation>
    </message>
    <message>
        <source>Select a recorded call</source>
        <translation>请选择一通录音</translation>
    </message>
    <message>
        <source>Position in the call</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <source>QA score sheet</source>
        <translation>质检评分表</translation>
    </message>
    <message>
        <source>Comment for the agent</source>
        <translation>给坐席的评语</translation>
    </message>
    <message>
        <source>Save score</source>
        <translation>保存评分</translation>
    </message>
</context>
</TS>
