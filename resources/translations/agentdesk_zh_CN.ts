<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="54"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="55"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="56"/>
        <source>Wrap-up</source>
        <translation>通话小结</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="57"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="81"/>
        <source>My state</source>
        <translation>我的状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="82"/>
        <source>Your state as your team lead sees it</source>
        <translation>组长在看板上看到的您的状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="99"/>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
</context>
<context>
    <name>AllocationPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="50"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="51"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="52"/>
        <source>Why waiting</source>
        <translation>待分原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="53"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="54"/>
        <source>From</source>
        <translation>原催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="55"/>
        <source>To</source>
        <translation>分给</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="56"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="59"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="59"/>
        <source>(absent)</source>
        <translation>（不在岗）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="60"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="61"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="62"/>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="63"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="87"/>
        <location filename="../../ui/allocation.ui" line="6"/>
        <source>Allocation</source>
        <translation>分案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="90"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="99"/>
        <source>(not placed)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="106"/>
        <source>changed by you</source>
        <translation>已由您调整</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="111"/>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="125"/>
        <source>Choose what to allocate and press Preview.</source>
        <translation>选择要分配的案件，然后点击“预览”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="136"/>
        <source>Working out the allocation…</source>
        <translation>正在计算分案方案…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="157"/>
        <source>Worked out in %1 ms on the server.</source>
        <translation>服务器用时 %1 毫秒算出方案。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="167"/>
        <source>%Ln cases to allocate (%1), %2 not placed. After: %3–%4 cases and %5–%6 per collector.</source>
        <translation>
            <numerusform>待分配 %Ln 件（%1），%2 件无法分配。分配后每位催收员 %3–%4 件、%5–%6。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="200"/>
        <source>%n cases now go to %1.</source>
        <translation>
            <numerusform>%n 件改为分给 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="214"/>
        <source>%Ln cases allocated (%1). &quot;Undo last allocation&quot; gives them back.</source>
        <translation>
            <numerusform>已分配 %Ln 件（%1）。“撤销上次分案”可全部退回。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="245"/>
        <source>There is no allocation to undo.</source>
        <translation>没有可撤销的分案。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="247"/>
        <source>Some cases were moved or closed since the preview. Preview again.</source>
        <translation>预览后有案件被移动或结案，请重新预览。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="252"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="14"/>
        <source>Allocation (分案)</source>
        <translation>分案</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="43"/>
        <source>Matches waiting cases to the team&apos;s collectors: their segment&apos;s profile, each collector&apos;s capacity, workload and value, results in the segment, and keeping a debtor with the collector who holds their promise. Preview, adjust, allocate; undo gives every case back.</source>
        <translation>把待分配案件分给本组催收员：依据分群要求的催收员画像、每人的容量、案量与金额、在该分群的实际业绩，并让有未到期承诺的客户继续由原催收员跟进。先预览、可调整、再分配；撤销可全部退回。</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="58"/>
        <source>Allocate:</source>
        <translation>分配：</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="65"/>
        <source>New placements</source>
        <translation>新委案件</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="72"/>
        <source>Returned cases</source>
        <translation>退回案件</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="79"/>
        <source>Cases of absent collectors</source>
        <translation>不在岗催收员的案件</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="93"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="145"/>
        <source>Each collector&apos;s load, before → after</source>
        <translation>每位催收员的负荷，分配前 → 分配后</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="181"/>
        <source>Give the selected cases to:</source>
        <translation>把所选案件分给：</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="192"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="206"/>
        <source>&amp;Undo last allocation</source>
        <translation>撤销上次分案(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="213"/>
        <source>&amp;Allocate</source>
        <translation>分配(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ArmsPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="89"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="90"/>
        <source>Champion</source>
        <translation>冠军</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="91"/>
        <source>Challenger</source>
        <translation>挑战者</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="92"/>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="93"/>
        <source>95% interval</source>
        <translation>95% 置信区间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="94"/>
        <source>Finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="107"/>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="122"/>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="118"/>
        <location filename="../../ui/arms.ui" line="6"/>
        <location filename="../../ui/arms.ui" line="14"/>
        <source>Champion / challenger</source>
        <translation>冠军 / 挑战者</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="133"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="144"/>
        <source>%1 · %2 (running)</source>
        <translation>%1 · %2（进行中）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="148"/>
        <source>promoted</source>
        <translation>已推广</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="148"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="149"/>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2（%3）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="159"/>
        <source>No challenger runs yet: start one in Segments.</source>
        <translation>尚无挑战者：请在“分群”中启动。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="175"/>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="187"/>
        <source>%1 vs %2 cases, %3 to %4; the challenger gets %5% of the segment&apos;s new cases. The verdict rests on %6 (★), decided before the experiment; the other measures are for reading.</source>
        <translation>%1 对 %2 件，%3 至 %4；挑战者获得该分群 %5% 的新案件。结论依据试验前选定的 %6（★）；其他指标仅供参考。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="200"/>
        <source>Talk tracks used: %1</source>
        <translation>使用的话术：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="211"/>
        <source>Rates by arm (%)</source>
        <translation>两组比率（%）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="258"/>
        <source>Strategy saved as version %1; every desk uses it within seconds.</source>
        <translation>策略已保存为第 %1 版，各工作台几秒内生效。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="271"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="31"/>
        <source>Experiment:</source>
        <translation>试验：</translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="42"/>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="53"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="144"/>
        <source>&amp;Promote challenger</source>
        <translation>推广挑战者(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="151"/>
        <source>S&amp;top challenger</source>
        <translation>停止挑战者(&amp;T)</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="53"/>
        <source>Phone line</source>
        <translation>电话线路</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="82"/>
        <source>Choose the number to call.</source>
        <translation>请选择要拨打的号码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="85"/>
        <source>Call not allowed: %1</source>
        <translation>不允许拨打：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="114"/>
        <source>Number handed to your desk phone: the wrap-up records this time as its start.</source>
        <translation>号码已交给您的桌面电话：通话小结以此时间为开始时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="120"/>
        <source>The number could not be fetched from the server, so nothing was dialled: %1</source>
        <translation>无法从服务器获取号码，未拨出：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="124"/>
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
        <location filename="../../agentdesk/desktop/case_panel.py" line="80"/>
        <source>Phone / address</source>
        <translation>号码/地址</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="81"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="105"/>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="106"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="107"/>
        <location filename="../../ui/casepanel.ui" line="100"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="108"/>
        <location filename="../../ui/casepanel.ui" line="112"/>
        <source>Outstanding</source>
        <translation>剩余欠款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="109"/>
        <source>Fees</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="110"/>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="111"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="137"/>
        <source>Segment: %1</source>
        <translation>分群：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="139"/>
        <source>challenger arm</source>
        <translation>挑战者组</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="139"/>
        <source>champion arm</source>
        <translation>冠军组</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="152"/>
        <source>Call allowed now</source>
        <translation>现在可以拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="155"/>
        <source>Do not call</source>
        <translation>禁止拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="157"/>
        <source>Not now — next allowed %1</source>
        <translation>暂不可拨打 — 最早 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="246"/>
        <source>, born %1</source>
        <translation>，%1 年生</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="248"/>
        <source>ID %1%2 · %3</source>
        <translation>证件 %1%2 · %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="333"/>
        <source>%1 · debtor&apos;s local time %2</source>
        <translation>%1 · 债务人当地时间 %2</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="17"/>
        <source>No case open. Press F2 for the next case, or pick one from the queue.</source>
        <translation>尚未打开案件。按 F2 打开下一个案件，或从队列中选择。</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="124"/>
        <source>Days past due</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="142"/>
        <source>Call permission</source>
        <translation>拨打许可</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="166"/>
        <source>Contacts left today and this week</source>
        <translation>今日及本周剩余可联系次数</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="173"/>
        <source>&amp;Call</source>
        <translation>拨打(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="176"/>
        <source>Dial the selected number through the softphone (F5)</source>
        <translation>通过软电话拨打所选号码 (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="187"/>
        <source>Call in progress</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="200"/>
        <source>Call state</source>
        <translation>通话状态</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="206"/>
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="218"/>
        <source>&amp;Mute</source>
        <translation>静音(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="220"/>
        <source>Mute your microphone (F7)</source>
        <translation>麦克风静音 (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="226"/>
        <source>&amp;Hold</source>
        <translation>保持(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="228"/>
        <source>Put the call on hold (F8)</source>
        <translation>保持通话 (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="234"/>
        <source>&amp;Keypad</source>
        <translation>拨号盘(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="236"/>
        <source>Show the keypad to send tones (F11)</source>
        <translation>显示拨号盘发送按键音 (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="242"/>
        <source>Hang &amp;up</source>
        <translation>挂断(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="243"/>
        <source>End the call (F6)</source>
        <translation>结束通话 (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="253"/>
        <source>Keypad</source>
        <translation>拨号盘</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="352"/>
        <location filename="../../ui/casepanel.ui" line="358"/>
        <source>Contact points</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="372"/>
        <source>&amp;Timeline</source>
        <translation>联系记录(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="380"/>
        <source>Contact history</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="404"/>
        <source>&amp;Accounts</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="412"/>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
</context>
<context>
    <name>CollectorsPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="48"/>
        <source>Collector</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="49"/>
        <source>Grade</source>
        <translation>职级</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="50"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="51"/>
        <source>Open cases</source>
        <translation>在催案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="52"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="53"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="54"/>
        <source>Stand-in</source>
        <translation>代理人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="75"/>
        <location filename="../../ui/collectors.ui" line="6"/>
        <location filename="../../ui/collectors.ui" line="14"/>
        <source>Collectors</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="83"/>
        <source>Common tags: %1</source>
        <translation>常用标签：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="92"/>
        <source>Away</source>
        <translation>休假</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="94"/>
        <source>Off today</source>
        <translation>今日休息</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="95"/>
        <source>Working</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="95"/>
        <source>covering %1</source>
        <translation>代理 %1 件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="128"/>
        <source>(none: share the queue out)</source>
        <translation>（无：案件重新分配）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="172"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="180"/>
        <source>%1 saved.</source>
        <translation>%1 已保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="182"/>
        <source>Due callbacks and promises now go to %1.</source>
        <translation>到期回电与承诺现由 %1 跟进。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="195"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="31"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="40"/>
        <source>Grade, skill tags, capacity and working days decide which cases each collector is given.</source>
        <translation>职级、技能标签、容量与工作日决定每位催收员分到哪些案件。</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="68"/>
        <source>Selected collector</source>
        <translation>所选催收员</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="84"/>
        <source>Grade:</source>
        <translation>职级：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="95"/>
        <source>Skill tags:</source>
        <translation>技能标签：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="102"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="122"/>
        <source>Capacity (open cases):</source>
        <translation>容量（在催案件上限）：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="139"/>
        <source>Working days:</source>
        <translation>工作日：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="148"/>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="155"/>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="162"/>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="169"/>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="176"/>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="183"/>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="190"/>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="199"/>
        <source>Absence:</source>
        <translation>休假：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="208"/>
        <source>Away from</source>
        <translation>休假自</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="222"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="245"/>
        <source>Stand-in (代理催收员):</source>
        <translation>代理催收员：</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="256"/>
        <source>While away, the collector&apos;s due callbacks and promises go to the stand-in, and come back after. Without a stand-in, the allocation shares their queue out.</source>
        <translation>休假期间，该催收员到期的回电与承诺交由代理催收员跟进，返岗后交回。未指定代理人时，分案会把其案件分给他人。</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="278"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="285"/>
        <source>&amp;Save collector</source>
        <translation>保存催收员(&amp;S)</translation>
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
        <location filename="../../agentdesk/desktop/app.py" line="47"/>
        <source>Demo mode without a secure keyring: the data on this computer is NOT encrypted and sign-ins are not remembered. Use only the demo portfolio here.</source>
        <translation>演示模式（本机没有安全密钥库）：本机数据未加密，登录状态不会保存。此处只可使用演示数据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="108"/>
        <source>Starting the demo server… (the first start seeds a demo portfolio)</source>
        <translation>正在启动演示服务器…（首次启动会生成演示案件）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="122"/>
        <source>Signing in as %1…</source>
        <translation>正在以 %1 登录…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="134"/>
        <source>The demo server did not start: %1</source>
        <translation>演示服务器未能启动：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="24"/>
        <source>Right party (debtor)</source>
        <translation>本人（债务人）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="25"/>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="26"/>
        <source>Nobody reached</source>
        <translation>未接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="32"/>
        <source>Promise to pay</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="33"/>
        <source>Claims already paid</source>
        <translation>声称已还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="34"/>
        <source>Dispute</source>
        <translation>有异议</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="35"/>
        <source>Hardship</source>
        <translation>经济困难</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="36"/>
        <source>Refuses to pay</source>
        <translation>拒绝还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="37"/>
        <source>Callback requested</source>
        <translation>要求回电</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="38"/>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="39"/>
        <source>Asks not to be contacted</source>
        <translation>要求停止联系</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="40"/>
        <source>Deceased</source>
        <translation>已故</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="41"/>
        <source>Bankrupt</source>
        <translation>已破产</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="42"/>
        <source>Message left</source>
        <translation>已留言</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="43"/>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="44"/>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="45"/>
        <source>Switched off</source>
        <translation>关机</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="46"/>
        <source>Invalid number</source>
        <translation>空号</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="47"/>
        <source>Voicemail</source>
        <translation>语音信箱</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="53"/>
        <source>Unverified</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="54"/>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="55"/>
        <source>Invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="56"/>
        <source>Wrong party</source>
        <translation>非本人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="57"/>
        <source>Do not contact</source>
        <translation>禁止联系</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="63"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="64"/>
        <source>On hold</source>
        <translation>暂停催收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="65"/>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="71"/>
        <source>Pending</source>
        <translation>待履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="72"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="73"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="79"/>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="80"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="81"/>
        <source>Visit</source>
        <translation>外访</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="88"/>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="89"/>
        <source>Callbacks due</source>
        <translation>待回电</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="90"/>
        <source>Promises due</source>
        <translation>承诺到期</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="91"/>
        <source>Bucket M1 (1–30 days)</source>
        <translation>M1（逾期 1–30 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="92"/>
        <source>Bucket M2 (31–60 days)</source>
        <translation>M2（逾期 31–60 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="93"/>
        <source>Bucket M3 (61–90 days)</source>
        <translation>M3（逾期 61–90 天）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="94"/>
        <source>Bucket M4+ (91+ days)</source>
        <translation>M4+（逾期 91 天以上）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="107"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="109"/>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="122"/>
        <source>Not callable</source>
        <translation>不可拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="128"/>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="145"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="156"/>
        <source>1 call</source>
        <translation>1 次通话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="157"/>
        <source>%1 calls</source>
        <translation>%1 次通话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="159"/>
        <source>1 text</source>
        <translation>1 条短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="160"/>
        <source>%1 texts</source>
        <translation>%1 条短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="164"/>
        <source>this number</source>
        <translation>此号码</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="165"/>
        <source>the debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="167"/>
        <source>this week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="170"/>
        <source>Left today: %1</source>
        <translation>今日剩余：%1</translation>
    </message>
</context>
<context>
    <name>LeadCharts</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="74"/>
        <source>Promised</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="75"/>
        <source>Collected</source>
        <translation>回款金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="80"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="96"/>
        <source>Right-party contact rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="86"/>
        <source>Attempts</source>
        <translation>拨打次数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="87"/>
        <source>Right-party contacts</source>
        <translation>本人接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="88"/>
        <source>Promises</source>
        <translation>承诺还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="89"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="94"/>
        <source>%1 calls · %2 reached</source>
        <translation>%1 次呼叫 · %2 次接通本人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="141"/>
        <source>(no track)</source>
        <translation>（无话术）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="148"/>
        <source>Promised and collected per day (¥)</source>
        <translation>每日承诺与回款（¥）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="149"/>
        <source>Right-party contact rate by debtor&apos;s local hour (%)</source>
        <translation>按债务人当地时间的本人接通率（%）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="150"/>
        <source>Funnel per agent</source>
        <translation>每位催收员的转化漏斗</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="151"/>
        <source>Outcome rates per talk track (%)</source>
        <translation>各话术的结果比率（%）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="188"/>
        <source>no data in this period yet</source>
        <translation>本期暂无数据</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="190"/>
        <source>grey: fewer than %1 calls, too few to go by</source>
        <translation>灰色：少于 %1 次呼叫，样本太少，不足为据</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="113"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="123"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="97"/>
        <source>Promises per right-party contact</source>
        <translation>承诺率（按本人接通）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="114"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="115"/>
        <source>Link opened</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="116"/>
        <source>Paid within 7 days</source>
        <translation>7天内还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="154"/>
        <source>SMS per template: sent, delivered, link opened, paid within 7 days</source>
        <translation>各短信模板：发送、送达、打开链接、7天内还款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="103"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="108"/>
        <source>Average QA score</source>
        <translation>平均质检得分</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="152"/>
        <source>Average QA score per agent (scored calls)</source>
        <translation>各坐席平均质检得分（已评分通话数）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="153"/>
        <source>Average QA score per talk track (scored calls)</source>
        <translation>各话术平均质检得分（已评分通话数）</translation>
    </message>
</context>
<context>
    <name>LeadConsole</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="171"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="173"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="386"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="454"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="174"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="178"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="180"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="181"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="455"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="182"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="185"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="186"/>
        <source>By</source>
        <translation>添加人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="187"/>
        <source>Number</source>
        <translation>号码</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="188"/>
        <source>Whose</source>
        <translation>归属</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="189"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="196"/>
        <source>Double-click or press Enter to open the case</source>
        <translation>双击或按回车键打开案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="215"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="205"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="215"/>
        <source>All agents</source>
        <translation>全部催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="216"/>
        <source>All buckets</source>
        <translation>全部账龄段</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="218"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="219"/>
        <source>No attempt yet</source>
        <translation>尚无拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="220"/>
        <source>All last outcomes</source>
        <translation>全部最近结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="221"/>
        <source>All promises</source>
        <translation>全部承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="225"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="234"/>
        <source>Last %1 days</source>
        <translation>最近 %1 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="321"/>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="479"/>
        <source>%Ln cases · %1 overdue</source>
        <translation>
            <numerusform>%Ln 个案件 · 逾期 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="511"/>
        <source>Move all %Ln filtered cases (%1 overdue).</source>
        <translation>
            <numerusform>移动筛选出的全部 %Ln 个案件（逾期 %1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="515"/>
        <source>Move %Ln selected cases.</source>
        <translation>
            <numerusform>移动所选的 %Ln 个案件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="524"/>
        <source>Redistribute %1&apos;s queue: %Ln cases, %2.</source>
        <translation>
            <numerusform>重新分配 %1 的队列：%Ln 个案件，%2。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="536"/>
        <source>%Ln cases moved. &quot;Undo last reassignment&quot; or the Moves tab gives them back.</source>
        <translation>
            <numerusform>已移动 %Ln 个案件。“撤销上次分配”或“调整记录”标签页可将其退回。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="481"/>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="175"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="531"/>
        <source>Select the absent agent on the board first.</source>
        <translation>请先在看板上选中缺勤的催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="588"/>
        <source>Flagged attempts (%1)</source>
        <translation>被标记的拨打（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="589"/>
        <source>Rejected changes (%1)</source>
        <translation>被拒绝的变更（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="590"/>
        <source>Numbers to verify (%1)</source>
        <translation>待核实号码（%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="609"/>
        <source>Number approved.</source>
        <translation>号码已核准。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="609"/>
        <source>Number rejected.</source>
        <translation>号码已驳回。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="621"/>
        <source>Last %1 days, the team&apos;s own cases</source>
        <translation>最近 %1 天，本组案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="630"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="631"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="638"/>
        <location filename="../../ui/leadconsole.ui" line="56"/>
        <location filename="../../ui/leadconsole.ui" line="128"/>
        <source>Team board</source>
        <translation>团队看板</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="647"/>
        <location filename="../../ui/leadconsole.ui" line="155"/>
        <location filename="../../ui/leadconsole.ui" line="318"/>
        <source>Team cases</source>
        <translation>团队案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="550"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="677"/>
        <source>There is no reassignment to undo.</source>
        <translation>没有可撤销的分配。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="592"/>
        <source>%n items wait for you.</source>
        <translation>
            <numerusform>共 %n 项待您处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="656"/>
        <source>Exported %Ln rows to %1</source>
        <translation>
            <numerusform>已导出 %Ln 行到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="682"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="53"/>
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="54"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="55"/>
        <source>Wrap-up</source>
        <translation>通话小结</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="56"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="57"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="95"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="95"/>
        <source>Queue value</source>
        <translation>队列金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="96"/>
        <source>Attempts today</source>
        <translation>今日拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="96"/>
        <source>RPC today</source>
        <translation>今日本人接通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="97"/>
        <source>Promises</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="97"/>
        <source>Promised</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="98"/>
        <source>Collected</source>
        <translation>回款</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="139"/>
        <source>away today</source>
        <translation>今日休假</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="150"/>
        <source>Drop cases here to move them to this agent</source>
        <translation>将案件拖到这里即分配给该催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="172"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="179"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="190"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="386"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="387"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="387"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="388"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="388"/>
        <source>Last outcome</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="389"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="389"/>
        <source>Lender</source>
        <translation>委托方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="427"/>
        <source>Pending</source>
        <translation>待履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="428"/>
        <source>Kept</source>
        <translation>已履行</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="429"/>
        <source>Broken</source>
        <translation>已违约</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="430"/>
        <source>No promise</source>
        <translation>无承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="454"/>
        <source>Cases before → after</source>
        <translation>案件数 之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="455"/>
        <source>Amount before → after</source>
        <translation>金额 之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="480"/>
        <source>Over capacity: %1 open cases at most</source>
        <translation>超出容量：最多 %1 个未结案件</translation>
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
        <location filename="../../agentdesk/desktop/lead_models.py" line="118"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/review_rows.py" line="29"/>
        <source>Case %1 (not in your team now)</source>
        <translation>案件 %1（现已不在本组）</translation>
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
        <location filename="../../agentdesk/desktop/login.py" line="37"/>
        <source>This account is locked. Ask your team lead or IT to unlock it.</source>
        <translation>此账户已被锁定，请联系组长或 IT 解锁。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="39"/>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation>无法连接服务器 %1，请检查地址和网络。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="44"/>
        <source>This AgentDesk is too old for the server. Install the new version, then sign in.</source>
        <translation>此版本 AgentDesk 过旧，服务器不再支持。请安装新版本后再登录。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="49"/>
        <source>No secure credential store on this computer, so AgentDesk cannot keep your data encrypted. Ask IT.</source>
        <translation>本机没有安全凭据存储，AgentDesk 无法加密保存您的数据。请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="57"/>
        <source>Unexpected error (%1). Please report it to IT.</source>
        <translation>意外错误（%1），请报告 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="119"/>
        <source>Choose a demo account…</source>
        <translation>选择演示账户…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="153"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>请输入服务器地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="159"/>
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
        <location filename="../../agentdesk/desktop/login.py" line="34"/>
        <source>Too many failed sign-ins. Wait %1 seconds, then try again.</source>
        <translation>登录失败次数过多。请等待 %1 秒后再试。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Team lead</source>
        <translation>组长</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="196"/>
        <source>Team queue</source>
        <translation>团队队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="196"/>
        <location filename="../../ui/mainwindow.ui" line="47"/>
        <source>My queue</source>
        <translation>我的队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="197"/>
        <source>AgentDesk — %1</source>
        <translation>AgentDesk — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="201"/>
        <source>Server unreachable: working from this computer&apos;s saved queue.</source>
        <translation>无法连接服务器：正在使用本机保存的队列工作。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="244"/>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="762"/>
        <source>Case work</source>
        <translation>案件处理</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="323"/>
        <location filename="../../ui/mainwindow.ui" line="96"/>
        <source>Next case</source>
        <translation>下一个案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="338"/>
        <source>Demo: data not encrypted</source>
        <translation>演示：数据未加密</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="464"/>
        <source>No other open case in the queue.</source>
        <translation>队列中没有其他未结案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="472"/>
        <source>No case may be called right now: opened the first one callable, from %1.</source>
        <translation>当前没有可以拨打的案件：已打开最早可拨打的案件（%1 起）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="526"/>
        <source>This case is no longer in your queue (reassigned or closed).</source>
        <translation>此案件已不在您的队列中（已转派或已结案）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="615"/>
        <source>No call was placed from this desk for this case to this number: dial first (F5), or tick “The debtor called in”.</source>
        <translation>本工作台未为此案件拨打过此号码：请先拨打 (F5)，或勾选“债务人来电”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="626"/>
        <source>Saved. It is sent to the server in the background.</source>
        <translation>已保存，将在后台发送到服务器。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="704"/>
        <source>This case was reassigned away from you.</source>
        <translation>此案件已转派给他人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="710"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="718"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/mainwindow.py" line="770"/>
        <source>%n cases</source>
        <translation>
            <numerusform>%n 个案件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="773"/>
        <source>%1 more match with the filter off</source>
        <translation>关闭筛选后还有 %1 个匹配</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="790"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="795"/>
        <source>About AgentDesk</source>
        <translation>关于 AgentDesk</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="796"/>
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
        <location filename="../../agentdesk/desktop/mainwindow.py" line="670"/>
        <source>SMS queued. It is sent to the server in the background.</source>
        <translation>短信已排队，将在后台提交到服务器。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="100"/>
        <source>My QA scores…</source>
        <translation>我的质检得分…</translation>
    </message>
</context>
<context>
    <name>MovesPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="32"/>
        <source>To one agent</source>
        <translation>全部分给一人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="33"/>
        <source>Split evenly</source>
        <translation>平均分配</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="34"/>
        <source>By capacity</source>
        <translation>按容量</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="35"/>
        <source>Allocation</source>
        <translation>分案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="36"/>
        <source>Stand-in</source>
        <translation>代理催收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="41"/>
        <source>(unassigned)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="51"/>
        <source>Undone %1</source>
        <translation>已于 %1 撤销</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="53"/>
        <source>All worked since: nothing to give back</source>
        <translation>此后均已处理：没有可退回的案件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="55"/>
        <source>%n can go back</source>
        <translation>
            <numerusform>%n 个可退回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="61"/>
        <source>Give back %n cases?</source>
        <translation>
            <numerusform>退回 %n 个案件？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="64"/>
        <source>%n to %1</source>
        <translation>
            <numerusform>%n 个退回给 %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="67"/>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="76"/>
        <source>%n cases changed since the move and stay where they are.</source>
        <translation>
            <numerusform>%n 个案件在移动后有变动，保持不变。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="74"/>
        <source>%n cases given back.</source>
        <translation>
            <numerusform>已退回 %n 个案件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="95"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="96"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="97"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="98"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="99"/>
        <source>From</source>
        <translation>原负责人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="100"/>
        <source>To</source>
        <translation>分给</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="101"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="115"/>
        <source>Moves</source>
        <translation>调整记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="143"/>
        <source>%n moves of the team&apos;s cases</source>
        <translation>
            <numerusform>本组案件共调整 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="178"/>
        <source>Undo a move</source>
        <translation>撤销一次调整</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="182"/>
        <source>This move was already undone.</source>
        <translation>这次调整已经撤销过了。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="183"/>
        <source>None of these cases can go back: every one changed since the move.</source>
        <translation>这些案件都不能退回：每个案件在调整后都有变动。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="188"/>
        <source>Give back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="221"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="12"/>
        <source>Moves of the team&apos;s cases</source>
        <translation>本组案件的调整记录</translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="22"/>
        <source>Undo this move…</source>
        <translation>撤销这次调整…</translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="23"/>
        <source>Give the selected move&apos;s cases back to their previous agents; cases worked since stay where they are</source>
        <translation>把所选调整的案件退回原负责人；此后已处理的案件保持不动</translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="28"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="35"/>
        <source>Moves of cases, newest first</source>
        <translation>案件调整记录，最新的在前</translation>
    </message>
</context>
<context>
    <name>MyScoresDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="40"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="42"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="43"/>
        <source>Scored by</source>
        <translation>评分人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="44"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="53"/>
        <source>Loading your scores…</source>
        <translation>正在载入您的得分…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="65"/>
        <source>%1 calls scored, average %2</source>
        <translation>已评分通话 %1 通，平均 %2 分</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="69"/>
        <source>None of your calls has been scored yet.</source>
        <translation>您的通话尚未被评分。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="74"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="89"/>
        <source>Score %1</source>
        <translation>得分 %1</translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="6"/>
        <source>My QA scores</source>
        <translation>我的质检得分</translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="17"/>
        <source>Scored calls</source>
        <translation>已评分的通话</translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="23"/>
        <source>The score sheet of the selected call</source>
        <translation>所选通话的质检表</translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="58"/>
        <location filename="../../agentdesk/desktop/noteform.py" line="59"/>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="146"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="187"/>
        <source>The debtor called in: no call from this desk is needed.</source>
        <translation>债务人来电：无需从本工作台拨出。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="189"/>
        <source>Call placed from this desk.</source>
        <translation>已从本工作台拨出。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="191"/>
        <location filename="../../ui/noteform.ui" line="70"/>
        <source>No call placed yet: dial first (F5).</source>
        <translation>尚未拨出：请先拨打 (F5)。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="335"/>
        <source>Draft…</source>
        <translation>草稿…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="342"/>
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
        <location filename="../../ui/noteform.ui" line="98"/>
        <source>&amp;Reached</source>
        <translation>接通对象(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="104"/>
        <source>Who was reached</source>
        <translation>接通对象</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="109"/>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="115"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="127"/>
        <source>Promise &amp;amount</source>
        <translation>承诺金额(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="133"/>
        <source>e.g. 1,500.00</source>
        <translation>例如 1,500.00</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="134"/>
        <source>Promised amount</source>
        <translation>承诺金额</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="139"/>
        <source>Promise &amp;date</source>
        <translation>承诺日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="147"/>
        <source>Promised payment date</source>
        <translation>承诺还款日期</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="159"/>
        <source>Call&amp;back at</source>
        <translation>回电时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="167"/>
        <source>Callback date and time</source>
        <translation>回电日期和时间</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="179"/>
        <source>&amp;Contact</source>
        <translation>联系方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="185"/>
        <source>Contact point used</source>
        <translation>本次使用的联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="190"/>
        <source>The debtor agreed on this call to be called in the quiet hours</source>
        <translation>债务人在本次通话中同意在静默时段接听来电</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="191"/>
        <source>Recorded with this call; it covers the debtor on this case only, never a third party, and a stop request withdraws it.</source>
        <translation>随本次通话记录；仅适用于本案件的债务人本人，绝不适用于第三方；债务人要求停止联系即撤回。</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="192"/>
        <source>Debtor&apos;s consent to calls in the quiet hours</source>
        <translation>债务人同意在静默时段接听来电</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="199"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="206"/>
        <source>What was said and agreed</source>
        <translation>沟通内容和约定</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="207"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="228"/>
        <source>Only if this wording is needed: why (your team lead reviews it)</source>
        <translation>仅在必须使用此措辞时填写：原因（组长会审核）</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="229"/>
        <source>Reason to keep the flagged wording</source>
        <translation>保留被标记措辞的原因</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="246"/>
        <source>Ctrl+Enter saves and opens the next case</source>
        <translation>Ctrl+Enter 保存并打开下一个案件</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="258"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="259"/>
        <source>Save the wrap-up and stay on this case (Ctrl+S)</source>
        <translation>保存小结并停留在此案件 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="265"/>
        <source>Save &amp;&amp; next</source>
        <translation>保存并下一个</translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="266"/>
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
    <name>PricingPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="50"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="51"/>
        <source>Cases</source>
        <translation>案件数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="52"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="53"/>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="54"/>
        <source>90 days</source>
        <translation>90 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="55"/>
        <source>180 days</source>
        <translation>180 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="73"/>
        <source>the lender&apos;s name, as on its files</source>
        <translation>委托方名称，与其文件一致</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="75"/>
        <source>Choose the lender and a placement file to price it.</source>
        <translation>选择委托方和委案文件进行定价。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="70"/>
        <location filename="../../ui/pricing.ui" line="6"/>
        <source>Pricing</source>
        <translation>定价</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="83"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="90"/>
        <source>Give the lender first: history and segments depend on it.</source>
        <translation>请先填写委托方：历史数据和分群都与之相关。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="93"/>
        <source>Placement file to price</source>
        <translation>要定价的委案文件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="94"/>
        <source>Lender files (*.csv *.xlsx)</source>
        <translation>委托方文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="101"/>
        <source>Pricing %1…</source>
        <translation>正在为 %1 定价…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="112"/>
        <source>%1 days: %2</source>
        <translation>%1 天：%2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="114"/>
        <source>%1 cases, %2 overdue. Expected recovery: %3</source>
        <translation>%1 件，逾期 %2。预计回收：%3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="120"/>
        <source>Priced with strategy version %1. Nothing was imported.</source>
        <translation>按第 %1 版策略定价，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="137"/>
        <source>The file cannot be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="140"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="12"/>
        <source>Pricing a placement (定价)</source>
        <translation>委案定价</translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="22"/>
        <source>What a lender&apos;s file will recover in 30, 90 and 180 days, per segment, from this portfolio&apos;s own history (the documented defaults where there is none yet), with a 95% range. Nothing is imported.</source>
        <translation>按分群估算委托方文件在 30、90、180 天内的回收额，依据本资产组合自身的历史数据（尚无历史时使用默认参数），并给出 95% 区间。不会导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="37"/>
        <source>Lender:</source>
        <translation>委托方：</translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="51"/>
        <source>&amp;Choose a file and price it…</source>
        <translation>选择文件并定价(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="53"/>
        <source>Name matches</source>
        <translation>姓名匹配</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="54"/>
        <source>Phone number matches</source>
        <translation>电话号码匹配</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="55"/>
        <source>Account no. matches</source>
        <translation>账号匹配</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="225"/>
        <source>Debtor</source>
        <translation>债务人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="226"/>
        <source>Overdue</source>
        <translation>逾期金额</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="227"/>
        <source>DPD</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="228"/>
        <source>Last outcome</source>
        <translation>上次结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="229"/>
        <source>Next call</source>
        <translation>下次可拨</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="230"/>
        <source>Why here</source>
        <translation>排序原因</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="231"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="295"/>
        <source>● Changes not yet on the server</source>
        <translation>● 有尚未上传到服务器的更改</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="300"/>
        <source>Outstanding: %1</source>
        <translation>剩余欠款：%1</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="70"/>
        <source>Agent</source>
        <translation>催收员</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="70"/>
        <source>Queue now</source>
        <translation>当前队列</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="71"/>
        <source>Capacity (queue size)</source>
        <translation>容量（队列上限）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="166"/>
        <location filename="../../ui/reassign.ui" line="14"/>
        <source>Reassign cases</source>
        <translation>重新分配案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="222"/>
        <source>Asking the server for a preview…</source>
        <translation>正在向服务器请求预览…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="235"/>
        <source>%Ln cases, %1 overdue, change owner.</source>
        <translation>
            <numerusform>%Ln 个案件（逾期 %1）将更换负责人。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="241"/>
        <source>Nothing to move: these cases already sit with the chosen agents.</source>
        <translation>无需移动：这些案件已在所选催收员名下。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="253"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="263"/>
        <source>Moving the cases…</source>
        <translation>正在移动案件…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="279"/>
        <source>Over capacity: %1 would hold %Ln cases, capacity %2.</source>
        <translation>
            <numerusform>超出容量：%1 将有 %Ln 个案件，容量为 %2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="287"/>
        <source>Tick at least one agent to receive the cases.</source>
        <translation>请至少勾选一位接收案件的催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="289"/>
        <source>&quot;To one agent&quot; takes exactly one ticked agent.</source>
        <translation>“分给一人”只能勾选一位催收员。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="291"/>
        <source>No cases are chosen.</source>
        <translation>没有选中任何案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="292"/>
        <source>The absent agent cannot receive their own cases.</source>
        <translation>缺勤的催收员不能接收自己的案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="294"/>
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
        <location filename="../../ui/reassign.ui" line="158"/>
        <source>Capacity warning</source>
        <translation>容量警告</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="187"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="194"/>
        <source>Reassign</source>
        <translation>确认分配</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="71"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="72"/>
        <location filename="../../ui/recordings.ui" line="18"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="73"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="74"/>
        <location filename="../../ui/recordings.ui" line="48"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="75"/>
        <source>Flag</source>
        <translation>合规标记</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="76"/>
        <source>QA</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="77"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="106"/>
        <location filename="../../ui/recordings.ui" line="6"/>
        <source>Recordings</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="121"/>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="122"/>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="134"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="199"/>
        <source>%1 recorded calls</source>
        <translation>录音通话 %1 通</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="201"/>
        <source>%1 scored, average %2</source>
        <translation>已评分 %1 通，平均 %2 分</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="249"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="251"/>
        <source>Loading the recording…</source>
        <translation>正在载入录音…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="272"/>
        <source>Flagged: %1</source>
        <translation>已标记：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="273"/>
        <source>checksum %1…</source>
        <translation>校验值 %1…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="305"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="305"/>
        <location filename="../../ui/recordings.ui" line="121"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="309"/>
        <source>The recording could not be played: %1</source>
        <translation>录音无法播放：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="324"/>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="325"/>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="326"/>
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="333"/>
        <source>Critical: failing this item scores the call 0</source>
        <translation>关键项：此项不合格，整通通话计 0 分</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="369"/>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="371"/>
        <source>(saved: %1)</source>
        <translation>（已保存：%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="384"/>
        <source>Score %1 saved for %2&apos;s call.</source>
        <translation>已为 %2 的通话保存得分 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="412"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="24"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="36"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="54"/>
        <source>Flagged calls only</source>
        <translation>仅看被标记的通话</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="59"/>
        <source>Length (s)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="65"/>
        <source>Shortest call in seconds</source>
        <translation>最短通话（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="71"/>
        <source>Longest call in seconds</source>
        <translation>最长通话（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="83"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="93"/>
        <source>Recorded calls</source>
        <translation>录音通话</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="107"/>
        <source>Select a recorded call</source>
        <translation>请选择一通录音</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="127"/>
        <source>Position in the call</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="142"/>
        <source>QA score sheet</source>
        <translation>质检评分表</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="156"/>
        <location filename="../../ui/recordings.ui" line="157"/>
        <source>Comment for the agent</source>
        <translation>给坐席的评语</translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="163"/>
        <source>Save score</source>
        <translation>保存评分</translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="49"/>
        <source>Sign in again</source>
        <translation>重新登录</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="50"/>
        <source>The server has ended your session. Enter your password to go on: the work saved on this computer is kept and sent once you are signed in.</source>
        <translation>服务器已结束您的会话。请输入密码继续：本机已保存的工作会保留，登录后即发送。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="62"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="71"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="28"/>
        <source>The case is on hold (%1): this cannot be recorded.</source>
        <translation>案件已暂停（%1）：无法记录。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="30"/>
        <source>The promised amount must be more than zero.</source>
        <translation>承诺金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="31"/>
        <source>The promise exceeds the outstanding balance %1.</source>
        <translation>承诺金额超过剩余欠款 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="33"/>
        <source>The case is in %1; promise in that currency.</source>
        <translation>案件币种为 %1；请以该币种承诺还款。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="35"/>
        <source>The promise date is before the debtor&apos;s today (%1).</source>
        <translation>承诺日期早于债务人当地的今天（%1）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="37"/>
        <source>The promise date must be within %1 days (by %2).</source>
        <translation>承诺日期须在 %1 天之内（%2 之前）。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="40"/>
        <source>The callback time has already passed.</source>
        <translation>回电时间已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="41"/>
        <source>The callback time needs a time zone.</source>
        <translation>回拨时间需要时区。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="42"/>
        <source>This outcome does not fit who was reached.</source>
        <translation>此结果与接通对象不符。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="43"/>
        <source>Choose who was reached and the outcome.</source>
        <translation>请选择接通对象和结果。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="44"/>
        <source>This case is no longer in your queue.</source>
        <translation>此案件已不在您的队列中。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="47"/>
        <source>Not saved: the disk of this computer is full. Free some space, then save again.</source>
        <translation>未保存：本机磁盘已满。请清理出空间后再保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="49"/>
        <source>Not saved: this computer&apos;s store cannot be written (read-only). Ask IT, then save again.</source>
        <translation>未保存：本机数据存储不可写入（只读）。请联系 IT 处理后再保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="51"/>
        <source>Not saved: another program holds this computer&apos;s store. Close it, then save again.</source>
        <translation>未保存：另一个程序占用了本机数据存储。请关闭该程序后再保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="53"/>
        <source>Not saved: this computer&apos;s store could not be written. Save again; if it fails again, ask IT.</source>
        <translation>未保存：本机数据存储写入失败。请再保存一次；如仍失败，请联系 IT。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="70"/>
        <source>Contact with a closed case</source>
        <translation>联系了已结案的案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="71"/>
        <source>Contact while the case is on hold</source>
        <translation>案件暂停催收期间联系</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="72"/>
        <source>Number marked not to be contacted</source>
        <translation>联系了标记为不得联系的号码</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="73"/>
        <source>Third party not registered on the case</source>
        <translation>第三方未登记在案件中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="74"/>
        <source>Third party called while the debtor is reachable</source>
        <translation>债务人可联系时联系了第三方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="75"/>
        <source>Third party contacted more than once</source>
        <translation>第三方被联系超过一次</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="76"/>
        <source>Channel not allowed for a third party</source>
        <translation>该渠道不得用于联系第三方</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="77"/>
        <source>Outside the debtor&apos;s contact hours</source>
        <translation>不在债务人可联系时间</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="78"/>
        <source>Called while a promise is pending</source>
        <translation>承诺还款未到期时催收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="79"/>
        <source>Too soon after a conversation</source>
        <translation>通话后间隔过短</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="80"/>
        <source>Daily limit for the number exceeded</source>
        <translation>超过该号码每日联系上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="81"/>
        <source>Daily limit for the debtor exceeded</source>
        <translation>超过债务人每日联系上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="82"/>
        <source>7-day limit for the debtor exceeded</source>
        <translation>超过债务人 7 天联系上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="83"/>
        <source>Daily limit for third parties exceeded</source>
        <translation>超过第三方每日联系上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="84"/>
        <source>Daily SMS limit for the number exceeded</source>
        <translation>超过该号码每日短信上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="85"/>
        <source>Daily SMS limit for the debtor exceeded</source>
        <translation>超过债务人每日短信上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="86"/>
        <source>7-day SMS limit for the debtor exceeded</source>
        <translation>超过债务人 7 天短信上限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="87"/>
        <source>Flagged wording kept by the agent</source>
        <translation>催收员保留了被提示的措辞</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="100"/>
        <source>Recorded after the case was reassigned</source>
        <translation>案件改派后才记录</translation>
    </message>
</context>
<context>
    <name>SegmentsEditor</name>
    <message>
        <location filename="../../agentdesk/desktop/segment_form.py" line="128"/>
        <source>(as the rule picks: %1)</source>
        <translation>（按规则选择：%1）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segment_form.py" line="318"/>
        <source>New variant</source>
        <translation>新变体</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="81"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation>zh</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="84"/>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="90"/>
        <source>The &apos;%1&apos; compliance preset allows at most %2 calls a day to a number and %3 texts a week; the guard still decides every call.</source>
        <translation>“%1”合规预设每个号码每天最多拨打 %2 次、每周最多 %3 条短信；每次拨打仍由合规检查决定。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="136"/>
        <source>Version %1: the documented default.</source>
        <translation>第 %1 版：默认策略。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="138"/>
        <source>Version %1, saved by %2 on %3.</source>
        <translation>第 %1 版，由 %2 于 %3 保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="149"/>
        <source>DPD %1–%2</source>
        <translation>逾期 %1–%2 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="151"/>
        <source>DPD ≥ %1</source>
        <translation>逾期 ≥ %1 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="153"/>
        <source>DPD ≤ %1</source>
        <translation>逾期 ≤ %1 天</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="161"/>
        <source>every other case</source>
        <translation>其余所有案件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="201"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="203"/>
        <source>Changed, not saved yet.</source>
        <translation>已修改，尚未保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="272"/>
        <source>Running since %1 on %2% of new cases; its key, share and seed stay fixed while it runs.</source>
        <translation>自 %1 起在 %2% 的新案件上运行；运行期间其标识、比例和随机种子不可更改。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="277"/>
        <source>Starts when saved, on new cases entering the segment.</source>
        <translation>保存后开始，作用于进入该分群的新案件。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="282"/>
        <source>promoted</source>
        <translation>已推广</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="282"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="283"/>
        <source>%1 (%2): %3 on %4 by %5</source>
        <translation>%1（%2）：%4 由 %5 %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="287"/>
        <source>Earlier challengers:</source>
        <translation>以往挑战者：</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="318"/>
        <source>Strategy saved as version %1; every desk uses it within seconds.</source>
        <translation>策略已保存为第 %1 版，各工作台几秒内生效。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="332"/>
        <source>Someone saved the strategy meanwhile. Press Revert to see theirs, then make your change again.</source>
        <translation>其他人刚保存了策略。请点击“还原”查看最新版本，再重新修改。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="338"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="366"/>
        <source>Version %1 is shown; save it to put it back in force.</source>
        <translation>正在显示第 %1 版；保存即可重新启用。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="372"/>
        <source>Export the strategy for review</source>
        <translation>导出策略以供审阅</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="374"/>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="390"/>
        <source>Strategy book (*.yaml *.yml)</source>
        <translation>策略文件 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="384"/>
        <source>Strategy written to %1</source>
        <translation>策略已写入 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="389"/>
        <source>Import a strategy file</source>
        <translation>导入策略文件</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="403"/>
        <source>Read %1: review it and save to put it in force.</source>
        <translation>已读取 %1：请审阅后保存以启用。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="407"/>
        <source>%1 is not a strategy file this program can read.</source>
        <translation>%1 不是本程序可读取的策略文件。</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="6"/>
        <location filename="../../ui/segments.ui" line="14"/>
        <source>Segments and strategies</source>
        <translation>分群与策略</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="31"/>
        <source>Saved versions:</source>
        <translation>已保存版本：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="42"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="49"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="56"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="65"/>
        <source>Cut the portfolio into segments and give each the weights, talk tracks, cadence and collectors that work for it. Every save is a new version; every desk uses it within seconds.</source>
        <translation>把资产组合切分为若干分群，为每个分群配置最有效的排序权重、话术、联系节奏和催收员。每次保存生成新版本，各工作台几秒内生效。</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="110"/>
        <source>Tried in this order; the first whose rule fits takes the case. The last takes every case.</source>
        <translation>按此顺序匹配，案件归入第一个符合规则的分群；最后一个分群接收其余所有案件。</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="129"/>
        <source>&amp;Add</source>
        <translation>新增(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="136"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="143"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="150"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="167"/>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="173"/>
        <source>Key:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="180"/>
        <source>letters, digits, _ (e.g. early_m1)</source>
        <translation>小写字母、数字、下划线（如 early_m1）</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="187"/>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="198"/>
        <source>Name (English):</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="212"/>
        <source>Rule: which cases (every condition given must hold; empty means any)</source>
        <translation>规则：哪些案件（所填条件须全部满足；留空表示不限）</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="218"/>
        <source>Buckets:</source>
        <translation>账龄：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="227"/>
        <source>M0</source>
        <translation>M0</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="234"/>
        <source>M1</source>
        <translation>M1</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="241"/>
        <source>M2</source>
        <translation>M2</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="248"/>
        <source>M3</source>
        <translation>M3</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="255"/>
        <source>M4+</source>
        <translation>M4+</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="271"/>
        <source>Days past due:</source>
        <translation>逾期天数：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="286"/>
        <location filename="../../ui/segments.ui" line="306"/>
        <location filename="../../ui/segments.ui" line="337"/>
        <location filename="../../ui/segments.ui" line="360"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="293"/>
        <location filename="../../ui/segments.ui" line="347"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="322"/>
        <source>Overdue amount:</source>
        <translation>逾期金额：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="379"/>
        <source>Lenders:</source>
        <translation>委托方：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="386"/>
        <location filename="../../ui/segments.ui" line="400"/>
        <location filename="../../ui/segments.ui" line="414"/>
        <source>comma-separated; empty: any</source>
        <translation>用逗号分隔；留空表示不限</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="393"/>
        <source>Products:</source>
        <translation>产品：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="407"/>
        <source>Regions (provinces):</source>
        <translation>地区（省份）：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="421"/>
        <source>Promise history:</source>
        <translation>承诺记录：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="432"/>
        <source>Contactability:</source>
        <translation>可联系性：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="443"/>
        <source>Placement:</source>
        <translation>委案类型：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="457"/>
        <source>Champion / challenger</source>
        <translation>冠军 / 挑战者</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="463"/>
        <source>Run a challenger on part of this segment&apos;s new cases</source>
        <translation>在该分群的部分新案件上运行挑战者</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="472"/>
        <source>Challenger key:</source>
        <translation>挑战者标识：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="479"/>
        <source>a new key for every experiment</source>
        <translation>每次试验使用新标识</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="486"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="497"/>
        <source>Share of new cases:</source>
        <translation>新案件比例：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="517"/>
        <source>Random seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="534"/>
        <source>Verdict rests on:</source>
        <translation>结论依据：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="549"/>
        <source>Weights, talk tracks and cadence below are the:</source>
        <translation>下方的权重、话术和节奏属于：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="556"/>
        <source>Champion&apos;s</source>
        <translation>冠军</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="566"/>
        <source>Challenger&apos;s variant</source>
        <translation>挑战者变体</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="597"/>
        <source>Promote challenger</source>
        <translation>推广挑战者</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="604"/>
        <source>Stop challenger</source>
        <translation>停止挑战者</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="611"/>
        <source>Compare arms…</source>
        <translation>比较两组…</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="643"/>
        <source>Queue weights</source>
        <translation>队列权重</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="652"/>
        <source>Talk tracks by situation</source>
        <translation>各情形使用的话术</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="661"/>
        <source>Contact cadence</source>
        <translation>联系节奏</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="667"/>
        <source>Channels:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="676"/>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="683"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="699"/>
        <source>Calls a day:</source>
        <translation>每天拨打次数：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="716"/>
        <source>Hours between calls:</source>
        <translation>两次拨打间隔：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="742"/>
        <source>Third parties after:</source>
        <translation>联系第三方前需等待：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="755"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="765"/>
        <source>SMS a week:</source>
        <translation>每周短信条数：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="798"/>
        <source>Collector profile (allocation)</source>
        <translation>催收员要求（分案）</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="804"/>
        <source>Minimum grade:</source>
        <translation>最低职级：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="815"/>
        <source>Required skills:</source>
        <translation>必备技能：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="822"/>
        <source>comma-separated, e.g. 法务</source>
        <translation>用逗号分隔，如 法务</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="829"/>
        <source>Preferred skills:</source>
        <translation>优先技能：</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="836"/>
        <source>comma-separated</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="867"/>
        <source>&amp;Revert</source>
        <translation>还原(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="874"/>
        <source>&amp;Save for everyone</source>
        <translation>保存并下发(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="36"/>
        <source>1 SMS · %1 of %2 characters · %3</source>
        <translation>1 条短信 · %1/%2 字 · %3</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="38"/>
        <source>%1 SMS, joined on the phone · %2 characters, %3 a part · %4</source>
        <translation>%1 条短信（手机上合并为一条）· %2 字，每条 %3 字 · %4</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="75"/>
        <source>Send SMS — %1</source>
        <translation>发送短信 — %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="86"/>
        <source>Demo server: no SMS gateway is connected. The message is recorded on the case and checked like a real one, but it is not sent to any phone.</source>
        <translation>演示服务器：未连接短信网关。短信会像真实发送一样经过检查并记录在案件中，但不会发到任何手机。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="89"/>
        <source>Record (demo: not sent)</source>
        <translation>记录（演示：不发送）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="91"/>
        <source>Sent once through the centre&apos;s SMS gateway; delivery and link opens show in the case&apos;s timeline.</source>
        <translation>经中心的短信网关只发送一次；送达和打开链接情况会显示在案件时间线中。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="94"/>
        <location filename="../../ui/smsdialog.ui" line="104"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="135"/>
        <source>This case has no phone number.</source>
        <translation>此案件没有电话号码。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="142"/>
        <source>Allowed now.</source>
        <translation>现在可以发送。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="169"/>
        <source>Send &amp;SMS…</source>
        <translation>发送短信(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="172"/>
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
        <source>These are the base weights of every agent&apos;s queue: each segment starts from them and may set some of its own (Strategy engine tab). A change reaches every desk within seconds; hover over a weight or read the line under it for why its default is what it is.</source>
        <translation>这些是所有坐席队列的基础权重：每个分群以此为起点，可另设部分权重（见“策略引擎”页）。修改后数秒内送达所有工作台；将鼠标停在权重上或阅读其下方的说明，可了解默认值的依据。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="150"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="151"/>
        <source>Documented &amp;defaults</source>
        <translation>恢复默认值(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="152"/>
        <source>&amp;Revert</source>
        <translation>撤销修改(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="153"/>
        <source>&amp;Save for everyone</source>
        <translation>保存并下发(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="157"/>
        <source>Default %1.</source>
        <translation>默认值 %1。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="222"/>
        <source>Version %1: the documented defaults.</source>
        <translation>版本 %1：文档规定的默认值。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="224"/>
        <source>Version %1, saved by %2 on %3.</source>
        <translation>版本 %1，由 %2 于 %3 保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="234"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="236"/>
        <source>Changed, not saved yet.</source>
        <translation>已修改，尚未保存。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="255"/>
        <source>Strategy saved as version %1; every queue now uses it.</source>
        <translation>策略已保存为版本 %1，所有队列现已按其排序。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="269"/>
        <source>Someone saved the strategy meanwhile. Press Revert to see theirs, then make your change again.</source>
        <translation>其他人已先保存了策略。请点“撤销修改”查看其版本，再重新修改。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="275"/>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>StrategyTexts</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="19"/>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="29"/>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="39"/>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="20"/>
        <source>No promise yet</source>
        <translation>从未承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="21"/>
        <source>A promise pending</source>
        <translation>有未到期承诺</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="22"/>
        <source>Last promise kept</source>
        <translation>上次承诺已兑现</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="23"/>
        <source>Last promise broken</source>
        <translation>上次承诺未兑现</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="30"/>
        <source>Not called yet</source>
        <translation>尚未拨打</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="31"/>
        <source>Debtor reached before</source>
        <translation>曾联系到本人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="32"/>
        <source>Debtor never reached</source>
        <translation>拨打过但从未联系到本人</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="33"/>
        <source>No working phone of the debtor</source>
        <translation>本人无有效电话</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="40"/>
        <source>First placement</source>
        <translation>首次委案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="41"/>
        <source>Returned account</source>
        <translation>退回再委案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="47"/>
        <source>Trainee (新手)</source>
        <translation>新手</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="48"/>
        <source>Regular (熟练)</source>
        <translation>熟练</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="49"/>
        <source>Senior (资深)</source>
        <translation>资深</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="50"/>
        <source>Expert (专家)</source>
        <translation>专家</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="56"/>
        <source>Recovered per case</source>
        <translation>件均回收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="57"/>
        <source>Right-party contact rate</source>
        <translation>本人接通率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="58"/>
        <source>Promise rate (per right-party contact)</source>
        <translation>承诺率（按本人接通）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="59"/>
        <source>Kept-promise rate</source>
        <translation>承诺兑现率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="60"/>
        <source>Recovered per call hour</source>
        <translation>每通话小时回收</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="61"/>
        <source>Flags and stop requests per 1,000 calls</source>
        <translation>每千通违规标记与停催请求</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="68"/>
        <source>Contact rate</source>
        <translation>接通率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="69"/>
        <source>Promise rate</source>
        <translation>承诺率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="70"/>
        <source>Kept rate</source>
        <translation>兑现率</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="76"/>
        <source>Challenger better</source>
        <translation>挑战者更好</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="77"/>
        <source>Challenger worse</source>
        <translation>挑战者更差</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="78"/>
        <source>No clear difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="79"/>
        <source>No data yet</source>
        <translation>尚无数据</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="85"/>
        <source>New placement</source>
        <translation>新委案</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="86"/>
        <source>Returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="87"/>
        <source>Collector absent</source>
        <translation>催收员不在岗</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="92"/>
        <source>Champion</source>
        <translation>冠军</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="92"/>
        <source>Challenger</source>
        <translation>挑战者</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="100"/>
        <source>The weight %1 is outside its allowed range.</source>
        <translation>权重 %1 超出允许范围。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="105"/>
        <source>The cadence asks for %1, but the &apos;%2&apos; compliance preset allows at most %3.</source>
        <translation>联系节奏要求 %1，但“%2”合规预设最多允许 %3。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="111"/>
        <source>The last segment must take every case: clear its conditions, or add a last &apos;all other cases&apos; segment.</source>
        <translation>最后一个分群必须接收所有案件：请清空其条件，或在最后新增“其余案件”分群。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="116"/>
        <source>This segment has no condition and takes every case, so the segments after it would never be used: give it a condition or move it last.</source>
        <translation>该分群没有任何条件，会接收所有案件，其后的分群将永远用不到：请为它设置条件或移到最后。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="122"/>
        <source>Another segment already has the key &apos;%1&apos;.</source>
        <translation>已有分群使用标识“%1”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="124"/>
        <source>The challenger key &apos;%1&apos; was used before; every experiment needs a new key.</source>
        <translation>挑战者标识“%1”已被使用过；每次试验都需要新的标识。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="128"/>
        <source>A third-party situation takes only a third-party talk track, and a debtor situation only a debtor track.</source>
        <translation>第三方情形只能使用第三方话术，本人情形只能使用本人话术。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="133"/>
        <source>There is no talk track &apos;%1&apos;.</source>
        <translation>没有话术“%1”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="135"/>
        <source>This value is not valid: %1</source>
        <translation>该值无效：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="136"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>StrategyWorkbench</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_workbench.py" line="52"/>
        <source>Strategy engine</source>
        <translation>策略引擎</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="25"/>
        <source>⟳ Syncing…</source>
        <translation>⟳ 正在同步…</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="27"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="29"/>
        <source>● Signed out: sign in again to send your work</source>
        <translation>● 已退出登录：请重新登录以发送您的工作</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="31"/>
        <source>● Offline: changes are kept and sent when the server is back</source>
        <translation>● 离线：更改已保存，服务器恢复后自动发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="35"/>
        <source>%1 waiting to send</source>
        <translation>%1 条待发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="37"/>
        <source>All sent</source>
        <translation>已全部发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="40"/>
        <source>%1 rejected: see the case timeline</source>
        <translation>%1 条被拒绝：见案件联系记录</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="44"/>
        <source>Last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="46"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
</context>
<context>
    <name>TalkTrackPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="87"/>
        <source>No talk track for this case.</source>
        <translation>此案件没有适用的话术。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="190"/>
        <source>The debtor answers this way: go to the matching step</source>
        <translation>债务人这样回答：转到对应步骤</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="206"/>
        <source>Required line: tick it once you have said it</source>
        <translation>必说话术：说完后勾选</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="207"/>
        <source>Required line said</source>
        <translation>必说话术已说</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="247"/>
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
        <location filename="../../agentdesk/desktop/case_panel.py" line="274"/>
        <source>No contact with this debtor yet.</source>
        <translation>尚未联系过此债务人。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline_view.py" line="108"/>
        <location filename="../../agentdesk/desktop/timeline_view.py" line="217"/>
        <source>not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="111"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="119"/>
        <source>scheduled by the strategy</source>
        <translation>由策略安排</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="122"/>
        <source>link opened %1</source>
        <translation>%1 打开了链接</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="126"/>
        <source>SMS: %1</source>
        <translation>短信：%1</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="136"/>
        <source>waiting to sync</source>
        <translation>等待同步</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="137"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="138"/>
        <location filename="../../agentdesk/desktop/timeline.py" line="139"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="140"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="141"/>
        <source>delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="142"/>
        <source>not delivered</source>
        <translation>未送达</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="143"/>
        <source>cancelled (not sent)</source>
        <translation>已取消（未发送）</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="144"/>
        <source>refused by the gateway</source>
        <translation>网关拒绝</translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="100"/>
        <source>The note contains %1 (%2). Rephrase it, or say below why it must stay.</source>
        <translation>备注包含%1（%2）。请改写，或在下方说明为何必须保留。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="139"/>
        <source>No call was placed from this desk for this case: dial first (F5), or tick “The debtor called in”.</source>
        <translation>本工作台未为此案件拨出电话：请先拨打 (F5)，或勾选“债务人来电”。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="143"/>
        <source>When the debtor called in, someone was reached: choose who.</source>
        <translation>债务人来电时必有人接通：请选择接通对象。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="145"/>
        <source>Choose who was reached.</source>
        <translation>请选择接通对象。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="147"/>
        <source>Choose the outcome of the call.</source>
        <translation>请选择通话结果。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="149"/>
        <location filename="../../agentdesk/desktop/wrapup.py" line="195"/>
        <source>This outcome does not fit who was reached.</source>
        <translation>此结果与接通对象不符。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="158"/>
        <source>Write the amount like 1500 or 1,500.00.</source>
        <translation>金额请写成 1500 或 1,500.00。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="162"/>
        <source>Choose the date the debtor will pay.</source>
        <translation>请选择债务人的还款日期。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="173"/>
        <source>Choose when to call back.</source>
        <translation>请选择回电时间。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="175"/>
        <source>The callback time has already passed.</source>
        <translation>回电时间已过。</translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="180"/>
        <source>Not an allowed hour for a call: %1</source>
        <translation>该时间不允许拨打：%1</translation>
    </message>
</context>
</TS>
