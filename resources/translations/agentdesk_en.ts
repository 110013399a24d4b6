<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="54"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="55"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="56"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="57"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="81"/>
        <source>My state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="82"/>
        <source>Your state as your team lead sees it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/agent_state.py" line="99"/>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllocationPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="50"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="51"/>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="52"/>
        <source>Why waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="53"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="54"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="55"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="56"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="59"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="59"/>
        <source>(absent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="60"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="61"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="62"/>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="63"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="87"/>
        <location filename="../../ui/allocation.ui" line="6"/>
        <source>Allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="90"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="99"/>
        <source>(not placed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="106"/>
        <source>changed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="111"/>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="125"/>
        <source>Choose what to allocate and press Preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="136"/>
        <source>Working out the allocation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="157"/>
        <source>Worked out in %1 ms on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="167"/>
        <source>%Ln cases to allocate (%1), %2 not placed. After: %3–%4 cases and %5–%6 per collector.</source>
        <translation>
            <numerusform>%Ln case to allocate (%1), %2 not placed. After: %3–%4 cases and %5–%6 per collector.</numerusform>
            <numerusform>%Ln cases to allocate (%1), %2 not placed. After: %3–%4 cases and %5–%6 per collector.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="200"/>
        <source>%n cases now go to %1.</source>
        <translation>
            <numerusform>%n case now goes to %1.</numerusform>
            <numerusform>%n cases now go to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="214"/>
        <source>%Ln cases allocated (%1). &quot;Undo last allocation&quot; gives them back.</source>
        <translation>
            <numerusform>%Ln case allocated (%1). &quot;Undo last allocation&quot; gives it back.</numerusform>
            <numerusform>%Ln cases allocated (%1). &quot;Undo last allocation&quot; gives them back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="245"/>
        <source>There is no allocation to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="247"/>
        <source>Some cases were moved or closed since the preview. Preview again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/allocation_panel.py" line="252"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="14"/>
        <source>Allocation (分案)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="43"/>
        <source>Matches waiting cases to the team&apos;s collectors: their segment&apos;s profile, each collector&apos;s capacity, workload and value, results in the segment, and keeping a debtor with the collector who holds their promise. Preview, adjust, allocate; undo gives every case back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="58"/>
        <source>Allocate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="65"/>
        <source>New placements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="72"/>
        <source>Returned cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="79"/>
        <source>Cases of absent collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="93"/>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="145"/>
        <source>Each collector&apos;s load, before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="181"/>
        <source>Give the selected cases to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="192"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="206"/>
        <source>&amp;Undo last allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/allocation.ui" line="213"/>
        <source>&amp;Allocate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArmsPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="89"/>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="90"/>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="91"/>
        <source>Challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="92"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="93"/>
        <source>95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="94"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="107"/>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="122"/>
        <source>Last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="118"/>
        <location filename="../../ui/arms.ui" line="6"/>
        <location filename="../../ui/arms.ui" line="14"/>
        <source>Champion / challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="133"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="144"/>
        <source>%1 · %2 (running)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="148"/>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="148"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="149"/>
        <source>%1 · %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="159"/>
        <source>No challenger runs yet: start one in Segments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="175"/>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="187"/>
        <source>%1 vs %2 cases, %3 to %4; the challenger gets %5% of the segment&apos;s new cases. The verdict rests on %6 (★), decided before the experiment; the other measures are for reading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="200"/>
        <source>Talk tracks used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="211"/>
        <source>Rates by arm (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="258"/>
        <source>Strategy saved as version %1; every desk uses it within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/arms_panel.py" line="271"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="31"/>
        <source>Experiment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="42"/>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="53"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="144"/>
        <source>&amp;Promote challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/arms.ui" line="151"/>
        <source>S&amp;top challenger</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="53"/>
        <source>Phone line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="82"/>
        <source>Choose the number to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="85"/>
        <source>Call not allowed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="114"/>
        <source>Number handed to your desk phone: the wrap-up records this time as its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="120"/>
        <source>The number could not be fetched from the server, so nothing was dialled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_control.py" line="124"/>
        <source>The call could not be placed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Calls</name>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="27"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="28"/>
        <source>Ringing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="29"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="30"/>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="41"/>
        <source>Connected, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="48"/>
        <source>Call ended · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="53"/>
        <source>No phone line on this desk: the number goes to your desk phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="54"/>
        <source>The phone line is not registered with the PBX: check the network, or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="56"/>
        <source>The PBX refused: check the SIP password (Phone and audio devices…), or ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="58"/>
        <source>No microphone or speaker found: connect a headset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="59"/>
        <source>A call is in progress: hang up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="60"/>
        <source>No SIP password on this desk yet: enter it in Phone and audio devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="61"/>
        <source>The phone could not place the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="72"/>
        <source>No phone line · numbers go to your desk phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="74"/>
        <source>Desk phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="76"/>
        <source>Phone: signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="79"/>
        <source>Phone ready · no audio device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/call_text.py" line="80"/>
        <source>Phone ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="80"/>
        <source>Phone / address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="81"/>
        <source>Whose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="82"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="105"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="106"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="107"/>
        <location filename="../../ui/casepanel.ui" line="100"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="108"/>
        <location filename="../../ui/casepanel.ui" line="112"/>
        <source>Outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="109"/>
        <source>Fees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="110"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="111"/>
        <source>DPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="137"/>
        <source>Segment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="139"/>
        <source>challenger arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="139"/>
        <source>champion arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="152"/>
        <source>Call allowed now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="155"/>
        <source>Do not call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="157"/>
        <source>Not now — next allowed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="246"/>
        <source>, born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="248"/>
        <source>ID %1%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="333"/>
        <source>%1 · debtor&apos;s local time %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="17"/>
        <source>No case open. Press F2 for the next case, or pick one from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="124"/>
        <source>Days past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="142"/>
        <source>Call permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="166"/>
        <source>Contacts left today and this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="173"/>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="176"/>
        <source>Dial the selected number through the softphone (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="187"/>
        <source>Call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="200"/>
        <source>Call state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="206"/>
        <source>Talk time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="218"/>
        <source>&amp;Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="220"/>
        <source>Mute your microphone (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="226"/>
        <source>&amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="228"/>
        <source>Put the call on hold (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="234"/>
        <source>&amp;Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="236"/>
        <source>Show the keypad to send tones (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="242"/>
        <source>Hang &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="243"/>
        <source>End the call (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="253"/>
        <source>Keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="352"/>
        <location filename="../../ui/casepanel.ui" line="358"/>
        <source>Contact points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="372"/>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="380"/>
        <source>Contact history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="404"/>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/casepanel.ui" line="412"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollectorsPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="48"/>
        <source>Collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="49"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="50"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="51"/>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="52"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="53"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="54"/>
        <source>Stand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="75"/>
        <location filename="../../ui/collectors.ui" line="6"/>
        <location filename="../../ui/collectors.ui" line="14"/>
        <source>Collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="83"/>
        <source>Common tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="92"/>
        <source>Away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="94"/>
        <source>Off today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="95"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="95"/>
        <source>covering %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="128"/>
        <source>(none: share the queue out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="172"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="180"/>
        <source>%1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="182"/>
        <source>Due callbacks and promises now go to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/collectors_panel.py" line="195"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="31"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="40"/>
        <source>Grade, skill tags, capacity and working days decide which cases each collector is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="68"/>
        <source>Selected collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="84"/>
        <source>Grade:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="95"/>
        <source>Skill tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="102"/>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="122"/>
        <source>Capacity (open cases):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="139"/>
        <source>Working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="148"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="155"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="162"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="169"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="176"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="183"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="190"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="199"/>
        <source>Absence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="208"/>
        <source>Away from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="222"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="245"/>
        <source>Stand-in (代理催收员):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="256"/>
        <source>While away, the collector&apos;s due callbacks and promises go to the stand-in, and come back after. Without a stand-in, the allocation shares their queue out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="278"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/collectors.ui" line="285"/>
        <source>&amp;Save collector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="180"/>
        <source>AgentDesk hit an unexpected error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="182"/>
        <source>Your saved work is safe: notes and outcomes are written locally before they are sent. A report without personal data was saved as %1. Please send it to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/crash.py" line="188"/>
        <source>Open log folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="47"/>
        <source>Demo mode without a secure keyring: the data on this computer is NOT encrypted and sign-ins are not remembered. Use only the demo portfolio here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="108"/>
        <source>Starting the demo server… (the first start seeds a demo portfolio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="122"/>
        <source>Signing in as %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/app.py" line="134"/>
        <source>The demo server did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="24"/>
        <source>Right party (debtor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="25"/>
        <source>Third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="26"/>
        <source>Nobody reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="32"/>
        <source>Promise to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="33"/>
        <source>Claims already paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="34"/>
        <source>Dispute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="35"/>
        <source>Hardship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="36"/>
        <source>Refuses to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="37"/>
        <source>Callback requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="38"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="39"/>
        <source>Asks not to be contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="40"/>
        <source>Deceased</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="41"/>
        <source>Bankrupt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="42"/>
        <source>Message left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="43"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="44"/>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="45"/>
        <source>Switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="46"/>
        <source>Invalid number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="47"/>
        <source>Voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="53"/>
        <source>Unverified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="54"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="55"/>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="56"/>
        <source>Wrong party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="57"/>
        <source>Do not contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="63"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="64"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="65"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="71"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="72"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="73"/>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="79"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="80"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="81"/>
        <source>Visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="88"/>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="89"/>
        <source>Callbacks due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="90"/>
        <source>Promises due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="91"/>
        <source>Bucket M1 (1–30 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="92"/>
        <source>Bucket M2 (31–60 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="93"/>
        <source>Bucket M3 (61–90 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="94"/>
        <source>Bucket M4+ (91+ days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="107"/>
        <source>Debtor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="109"/>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="122"/>
        <source>Not callable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="128"/>
        <source>Tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="145"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="156"/>
        <source>1 call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="157"/>
        <source>%1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="159"/>
        <source>1 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="160"/>
        <source>%1 texts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="164"/>
        <source>this number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="165"/>
        <source>the debtor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="167"/>
        <source>this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/labels.py" line="170"/>
        <source>Left today: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadCharts</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="74"/>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="75"/>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="80"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="96"/>
        <source>Right-party contact rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="86"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="87"/>
        <source>Right-party contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="88"/>
        <source>Promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="89"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="94"/>
        <source>%1 calls · %2 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="141"/>
        <source>(no track)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="148"/>
        <source>Promised and collected per day (¥)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="149"/>
        <source>Right-party contact rate by debtor&apos;s local hour (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="150"/>
        <source>Funnel per agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="151"/>
        <source>Outcome rates per talk track (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="188"/>
        <source>no data in this period yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="190"/>
        <source>grey: fewer than %1 calls, too few to go by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="113"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="123"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="97"/>
        <source>Promises per right-party contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="103"/>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="108"/>
        <source>Average QA score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="114"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="115"/>
        <source>Link opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="116"/>
        <source>Paid within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="152"/>
        <source>Average QA score per agent (scored calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="153"/>
        <source>Average QA score per talk track (scored calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_charts.py" line="154"/>
        <source>SMS per template: sent, delivered, link opened, paid within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadConsole</name>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="171"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="173"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="386"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="454"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="174"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="178"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="180"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="181"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="455"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="182"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="185"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="186"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="187"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="188"/>
        <source>Whose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="189"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="196"/>
        <source>Double-click or press Enter to open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="215"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="205"/>
        <source>(unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="215"/>
        <source>All agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="216"/>
        <source>All buckets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="218"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="219"/>
        <source>No attempt yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="220"/>
        <source>All last outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="221"/>
        <source>All promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="225"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="234"/>
        <source>Last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="321"/>
        <source>as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="479"/>
        <source>%Ln cases · %1 overdue</source>
        <translation>
            <numerusform>%Ln case · %1 overdue</numerusform>
            <numerusform>%Ln cases · %1 overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="511"/>
        <source>Move all %Ln filtered cases (%1 overdue).</source>
        <translation>
            <numerusform>Move all %Ln filtered case (%1 overdue).</numerusform>
            <numerusform>Move all %Ln filtered cases (%1 overdue).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="515"/>
        <source>Move %Ln selected cases.</source>
        <translation>
            <numerusform>Move %Ln selected case.</numerusform>
            <numerusform>Move %Ln selected cases.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="524"/>
        <source>Redistribute %1&apos;s queue: %Ln cases, %2.</source>
        <translation>
            <numerusform>Redistribute %1&apos;s queue: %Ln case, %2.</numerusform>
            <numerusform>Redistribute %1&apos;s queue: %Ln cases, %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="536"/>
        <source>%Ln cases moved. &quot;Undo last reassignment&quot; or the Moves tab gives them back.</source>
        <translation>
            <numerusform>%Ln case moved. &quot;Undo last reassignment&quot; or the Moves tab gives them back.</numerusform>
            <numerusform>%Ln cases moved. &quot;Undo last reassignment&quot; or the Moves tab gives them back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="481"/>
        <source>%1 selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="175"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="531"/>
        <source>Select the absent agent on the board first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="588"/>
        <source>Flagged attempts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="589"/>
        <source>Rejected changes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="590"/>
        <source>Numbers to verify (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="609"/>
        <source>Number approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="609"/>
        <source>Number rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="621"/>
        <source>Last %1 days, the team&apos;s own cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="630"/>
        <source>Export to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="631"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="638"/>
        <location filename="../../ui/leadconsole.ui" line="56"/>
        <location filename="../../ui/leadconsole.ui" line="128"/>
        <source>Team board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="647"/>
        <location filename="../../ui/leadconsole.ui" line="155"/>
        <location filename="../../ui/leadconsole.ui" line="318"/>
        <source>Team cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="550"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="677"/>
        <source>There is no reassignment to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="592"/>
        <source>%n items wait for you.</source>
        <translation>
            <numerusform>%n item waits for you.</numerusform>
            <numerusform>%n items wait for you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/lead_console.py" line="656"/>
        <source>Exported %Ln rows to %1</source>
        <translation>
            <numerusform>Exported %Ln row to %1</numerusform>
            <numerusform>Exported %Ln rows to %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="682"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="53"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="54"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="55"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="56"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="57"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="94"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="95"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="95"/>
        <source>Queue value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="96"/>
        <source>Attempts today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="96"/>
        <source>RPC today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="97"/>
        <source>Promises</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="97"/>
        <source>Promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="98"/>
        <source>Collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="139"/>
        <source>away today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="150"/>
        <source>Drop cases here to move them to this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_console.py" line="172"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="179"/>
        <location filename="../../agentdesk/desktop/lead_console.py" line="190"/>
        <location filename="../../agentdesk/desktop/lead_models.py" line="386"/>
        <source>Debtor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="387"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="387"/>
        <source>DPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="388"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="388"/>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="389"/>
        <source>Promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="389"/>
        <source>Lender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="427"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="428"/>
        <source>Kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="429"/>
        <source>Broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="430"/>
        <source>No promise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="454"/>
        <source>Cases before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="455"/>
        <source>Amount before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="480"/>
        <source>Over capacity: %1 open cases at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="29"/>
        <source>Lead console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="33"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="86"/>
        <location filename="../../ui/leadconsole.ui" line="494"/>
        <location filename="../../ui/leadconsole.ui" line="744"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="89"/>
        <source>Refresh the board now (F5); it also refreshes by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="96"/>
        <source>Redistribute…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="99"/>
        <source>Spread the selected (absent) agent&apos;s queue over the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="106"/>
        <source>Undo last reassignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="109"/>
        <source>Give the cases of the last reassignment back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="116"/>
        <location filename="../../ui/leadconsole.ui" line="428"/>
        <source>Export XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="119"/>
        <source>Save the board as an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="141"/>
        <source>Drag cases from Team cases onto an agent to move them; select an agent and press Redistribute to spread an absent agent&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="181"/>
        <source>Agent filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="188"/>
        <source>Bucket filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="195"/>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="202"/>
        <source>Last outcome filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="209"/>
        <source>Promise filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="216"/>
        <source>Name, phone tail or account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="219"/>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="236"/>
        <source>Days past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="243"/>
        <source>Minimum days past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="250"/>
        <location filename="../../ui/leadconsole.ui" line="278"/>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="257"/>
        <source>Maximum days past due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="264"/>
        <source>Overdue amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="271"/>
        <source>Minimum overdue amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="285"/>
        <source>Maximum overdue amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="292"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="347"/>
        <source>Drop on an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="357"/>
        <source>Drag selected cases onto an agent: a preview opens before anything moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="370"/>
        <source>Agents to drop cases on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="408"/>
        <source>Reassign selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="411"/>
        <source>Move the selected cases (with a preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="418"/>
        <source>Reassign all filtered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="421"/>
        <source>Move every case the filters show (with a preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="431"/>
        <source>Save the filtered cases as an Excel workbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="441"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="464"/>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="504"/>
        <location filename="../../ui/leadconsole.ui" line="535"/>
        <source>Flagged attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="522"/>
        <source>Attempts the compliance guard flagged: they were stored, not hidden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="549"/>
        <location filename="../../ui/leadconsole.ui" line="580"/>
        <source>Rejected changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="567"/>
        <source>Changes from agents&apos; computers that the server refused, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="594"/>
        <location filename="../../ui/leadconsole.ui" line="625"/>
        <source>Numbers to verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="612"/>
        <source>Numbers agents found by data repair wait here until you approve or reject them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="653"/>
        <source>Reject number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="660"/>
        <source>Approve number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="677"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="700"/>
        <source>What works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/leadconsole.ui" line="730"/>
        <location filename="../../ui/leadconsole.ui" line="737"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/lead_models.py" line="118"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/review_rows.py" line="29"/>
        <source>Case %1 (not in your team now)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="25"/>
        <source>Call in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="26"/>
        <source>A call is in progress. Hang up and leave this case?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="27"/>
        <source>A call is in progress. Hang up and quit?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="37"/>
        <source>Wrap-up not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/leaving.py" line="38"/>
        <source>The wrap-up of this case is not saved. It is kept as a draft (with the number called) and offered back when you open the case again. Leave it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="32"/>
        <source>Wrong user name or password. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="37"/>
        <source>This account is locked. Ask your team lead or IT to unlock it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="39"/>
        <source>Cannot reach the server at %1. Check the address and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="44"/>
        <source>This AgentDesk is too old for the server. Install the new version, then sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="49"/>
        <source>No secure credential store on this computer, so AgentDesk cannot keep your data encrypted. Ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="57"/>
        <source>Unexpected error (%1). Please report it to IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="119"/>
        <source>Choose a demo account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="153"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="159"/>
        <source>Signing in to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="7"/>
        <source>Sign in to AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="16"/>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="21"/>
        <source>Sign in with your work account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="40"/>
        <source>&amp;Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="47"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="52"/>
        <source>&amp;User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="58"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="63"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="70"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="75"/>
        <source>&amp;Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="76"/>
        <source>Keeps you signed in; the sign-in is kept in the system&apos;s credential store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="91"/>
        <source>Demo accounts (password: demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="97"/>
        <source>Demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="125"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="131"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/login.py" line="34"/>
        <source>Too many failed sign-ins. Wait %1 seconds, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="193"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="196"/>
        <source>Team queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="196"/>
        <location filename="../../ui/mainwindow.ui" line="47"/>
        <source>My queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="197"/>
        <source>AgentDesk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="201"/>
        <source>Server unreachable: working from this computer&apos;s saved queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="244"/>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="762"/>
        <source>Case work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="323"/>
        <location filename="../../ui/mainwindow.ui" line="96"/>
        <source>Next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="338"/>
        <source>Demo: data not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="464"/>
        <source>No other open case in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="472"/>
        <source>No case may be called right now: opened the first one callable, from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="526"/>
        <source>This case is no longer in your queue (reassigned or closed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="615"/>
        <source>No call was placed from this desk for this case to this number: dial first (F5), or tick “The debtor called in”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="626"/>
        <source>Saved. It is sent to the server in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="704"/>
        <source>This case was reassigned away from you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="710"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="718"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/mainwindow.py" line="770"/>
        <source>%n cases</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="773"/>
        <source>%1 more match with the filter off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="790"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="795"/>
        <source>About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="796"/>
        <source>AgentDesk %1: regulated, recorded, respectful collection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="6"/>
        <source>AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="36"/>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="69"/>
        <source>Search name, phone tail, account no. (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="71"/>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="76"/>
        <source>Queue filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="84"/>
        <source>Queue of cases, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="104"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="138"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="145"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="161"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="175"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="186"/>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="190"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="193"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="197"/>
        <source>&amp;Next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="198"/>
        <source>Open the top case you may call now (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="202"/>
        <source>&amp;Call selected number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="206"/>
        <source>&amp;Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="211"/>
        <source>&amp;Mute microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="216"/>
        <source>H&amp;old call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="221"/>
        <source>Call &amp;keypad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="225"/>
        <source>&amp;Phone and audio devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="228"/>
        <source>Save wrap-up and &amp;next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="232"/>
        <source>&amp;Save wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="236"/>
        <source>&amp;Find in queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="240"/>
        <source>Switch &amp;talk track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="244"/>
        <source>Go to &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="248"/>
        <source>Go to c&amp;ase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="252"/>
        <source>Go to &amp;talk track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="256"/>
        <source>Go to &amp;wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="261"/>
        <source>Colours as the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="265"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="269"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="280"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.ui" line="284"/>
        <source>&amp;About AgentDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/mainwindow.py" line="670"/>
        <source>SMS queued. It is sent to the server in the background.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="100"/>
        <source>My QA scores…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MovesPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="32"/>
        <source>To one agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="33"/>
        <source>Split evenly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="34"/>
        <source>By capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="35"/>
        <source>Allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="36"/>
        <source>Stand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="41"/>
        <source>(unassigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="51"/>
        <source>Undone %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="53"/>
        <source>All worked since: nothing to give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="55"/>
        <source>%n can go back</source>
        <translation>
            <numerusform>%n can go back</numerusform>
            <numerusform>%n can go back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="61"/>
        <source>Give back %n cases?</source>
        <translation>
            <numerusform>Give back %n case?</numerusform>
            <numerusform>Give back %n cases?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="64"/>
        <source>%n to %1</source>
        <translation>
            <numerusform>%n to %1</numerusform>
            <numerusform>%n to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="67"/>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="76"/>
        <source>%n cases changed since the move and stay where they are.</source>
        <translation>
            <numerusform>%n case changed since the move and stays where it is.</numerusform>
            <numerusform>%n cases changed since the move and stay where they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="74"/>
        <source>%n cases given back.</source>
        <translation>
            <numerusform>%n case given back.</numerusform>
            <numerusform>%n cases given back.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="95"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="96"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="97"/>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="98"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="99"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="100"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="101"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="115"/>
        <source>Moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/moves_panel.py" line="143"/>
        <source>%n moves of the team&apos;s cases</source>
        <translation>
            <numerusform>%n move of the team&apos;s case</numerusform>
            <numerusform>%n moves of the team&apos;s cases</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="178"/>
        <source>Undo a move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="182"/>
        <source>This move was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="183"/>
        <source>None of these cases can go back: every one changed since the move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="188"/>
        <source>Give back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/moves_panel.py" line="221"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="12"/>
        <source>Moves of the team&apos;s cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="22"/>
        <source>Undo this move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="23"/>
        <source>Give the selected move&apos;s cases back to their previous agents; cases worked since stay where they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="28"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/moves.ui" line="35"/>
        <source>Moves of cases, newest first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MyScoresDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="40"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="42"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="43"/>
        <source>Scored by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="44"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="53"/>
        <source>Loading your scores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="65"/>
        <source>%1 calls scored, average %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="69"/>
        <source>None of your calls has been scored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="74"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="82"/>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/my_scores.py" line="89"/>
        <source>Score %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="6"/>
        <source>My QA scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="17"/>
        <source>Scored calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/myscores.ui" line="23"/>
        <source>The score sheet of the selected call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteForm</name>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="58"/>
        <location filename="../../agentdesk/desktop/noteform.py" line="59"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="146"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="187"/>
        <source>The debtor called in: no call from this desk is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="189"/>
        <source>Call placed from this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="191"/>
        <location filename="../../ui/noteform.ui" line="70"/>
        <source>No call placed yet: dial first (F5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="335"/>
        <source>Draft…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/noteform.py" line="342"/>
        <source>Draft saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="6"/>
        <source>Wrap-up form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="17"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="45"/>
        <source>Your unsaved wrap-up for this case was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="51"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="61"/>
        <source>The call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="72"/>
        <source>Call result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="77"/>
        <source>The debtor &amp;called in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="78"/>
        <source>The debtor phoned the centre: the outcome needs no call placed from this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="98"/>
        <source>&amp;Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="104"/>
        <source>Who was reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="109"/>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="115"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="127"/>
        <source>Promise &amp;amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="133"/>
        <source>e.g. 1,500.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="134"/>
        <source>Promised amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="139"/>
        <source>Promise &amp;date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="147"/>
        <source>Promised payment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="159"/>
        <source>Call&amp;back at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="167"/>
        <source>Callback date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="179"/>
        <source>&amp;Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="185"/>
        <source>Contact point used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="190"/>
        <source>The debtor agreed on this call to be called in the quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="191"/>
        <source>Recorded with this call; it covers the debtor on this case only, never a third party, and a stop request withdraws it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="192"/>
        <source>Debtor&apos;s consent to calls in the quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="199"/>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="206"/>
        <source>What was said and agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="207"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="228"/>
        <source>Only if this wording is needed: why (your team lead reviews it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="229"/>
        <source>Reason to keep the flagged wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="246"/>
        <source>Ctrl+Enter saves and opens the next case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="258"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="259"/>
        <source>Save the wrap-up and stay on this case (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="265"/>
        <source>Save &amp;&amp; next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/noteform.ui" line="266"/>
        <source>Save the wrap-up and open the next case (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/phone_dialog.py" line="49"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/phone_dialog.py" line="58"/>
        <source>Playing a tone on the speaker for about a second.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="5"/>
        <source>Phone and audio devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="18"/>
        <source>&amp;Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="27"/>
        <source>&amp;Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="40"/>
        <source>&amp;Test tone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="48"/>
        <source>SIP &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/phonesettings.ui" line="55"/>
        <source>Kept in this computer&apos;s credential store</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PricingPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="50"/>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="51"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="52"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="53"/>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="54"/>
        <source>90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="55"/>
        <source>180 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="73"/>
        <source>the lender&apos;s name, as on its files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="75"/>
        <source>Choose the lender and a placement file to price it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="70"/>
        <location filename="../../ui/pricing.ui" line="6"/>
        <source>Pricing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="83"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="90"/>
        <source>Give the lender first: history and segments depend on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="93"/>
        <source>Placement file to price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="94"/>
        <source>Lender files (*.csv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="101"/>
        <source>Pricing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="112"/>
        <source>%1 days: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="114"/>
        <source>%1 cases, %2 overdue. Expected recovery: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="120"/>
        <source>Priced with strategy version %1. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="137"/>
        <source>The file cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/pricing_panel.py" line="140"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="12"/>
        <source>Pricing a placement (定价)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="22"/>
        <source>What a lender&apos;s file will recover in 30, 90 and 180 days, per segment, from this portfolio&apos;s own history (the documented defaults where there is none yet), with a 95% range. Nothing is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="37"/>
        <source>Lender:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pricing.ui" line="51"/>
        <source>&amp;Choose a file and price it…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="53"/>
        <source>Name matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="54"/>
        <source>Phone number matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="55"/>
        <source>Account no. matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="225"/>
        <source>Debtor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="226"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="227"/>
        <source>DPD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="228"/>
        <source>Last outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="229"/>
        <source>Next call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="230"/>
        <source>Why here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="231"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="295"/>
        <source>● Changes not yet on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/queue_model.py" line="300"/>
        <source>Outstanding: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="70"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="70"/>
        <source>Queue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="71"/>
        <source>Capacity (queue size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="166"/>
        <location filename="../../ui/reassign.ui" line="14"/>
        <source>Reassign cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="222"/>
        <source>Asking the server for a preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="235"/>
        <source>%Ln cases, %1 overdue, change owner.</source>
        <translation>
            <numerusform>%Ln case, %1 overdue, change owner.</numerusform>
            <numerusform>%Ln cases, %1 overdue, change owner.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="241"/>
        <source>Nothing to move: these cases already sit with the chosen agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="253"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="263"/>
        <source>Moving the cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="279"/>
        <source>Over capacity: %1 would hold %Ln cases, capacity %2.</source>
        <translation>
            <numerusform>Over capacity: %1 would hold %Ln case, capacity %2.</numerusform>
            <numerusform>Over capacity: %1 would hold %Ln cases, capacity %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="287"/>
        <source>Tick at least one agent to receive the cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="289"/>
        <source>&quot;To one agent&quot; takes exactly one ticked agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="291"/>
        <source>No cases are chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="292"/>
        <source>The absent agent cannot receive their own cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/reassign_dialog.py" line="294"/>
        <source>Give at least one ticked agent a capacity above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="45"/>
        <source>How to share them out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="51"/>
        <source>To one agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="61"/>
        <source>Split evenly among the chosen agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="68"/>
        <source>By capacity: fill each agent up to the queue size you set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="78"/>
        <location filename="../../ui/reassign.ui" line="85"/>
        <source>Agents who receive the cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="100"/>
        <source>Preview: each agent&apos;s queue before → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="123"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="132"/>
        <source>Reassignment preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="158"/>
        <source>Capacity warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="187"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reassign.ui" line="194"/>
        <source>Reassign</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="71"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="72"/>
        <location filename="../../ui/recordings.ui" line="18"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="73"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="74"/>
        <location filename="../../ui/recordings.ui" line="48"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="75"/>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="76"/>
        <source>QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="77"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="106"/>
        <location filename="../../ui/recordings.ui" line="6"/>
        <source>Recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="121"/>
        <source>All agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="122"/>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="134"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="199"/>
        <source>%1 recorded calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="201"/>
        <source>%1 scored, average %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="249"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="251"/>
        <source>Loading the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="272"/>
        <source>Flagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="273"/>
        <source>checksum %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="305"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="305"/>
        <location filename="../../ui/recordings.ui" line="121"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="309"/>
        <source>The recording could not be played: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="324"/>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="325"/>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="326"/>
        <source>Not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="333"/>
        <source>Critical: failing this item scores the call 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="369"/>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="371"/>
        <source>(saved: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="384"/>
        <source>Score %1 saved for %2&apos;s call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/recordings_tab.py" line="412"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="24"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="36"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="54"/>
        <source>Flagged calls only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="59"/>
        <source>Length (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="65"/>
        <source>Shortest call in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="71"/>
        <source>Longest call in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="83"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="93"/>
        <source>Recorded calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="107"/>
        <source>Select a recorded call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="127"/>
        <source>Position in the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="142"/>
        <source>QA score sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="156"/>
        <location filename="../../ui/recordings.ui" line="157"/>
        <source>Comment for the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/recordings.ui" line="163"/>
        <source>Save score</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReloginDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="49"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="50"/>
        <source>The server has ended your session. Enter your password to go on: the work saved on this computer is kept and sent once you are signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="62"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/relogin_dialog.py" line="71"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleText</name>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="28"/>
        <source>The case is on hold (%1): this cannot be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="30"/>
        <source>The promised amount must be more than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="31"/>
        <source>The promise exceeds the outstanding balance %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="33"/>
        <source>The case is in %1; promise in that currency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="35"/>
        <source>The promise date is before the debtor&apos;s today (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="37"/>
        <source>The promise date must be within %1 days (by %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="40"/>
        <source>The callback time has already passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="41"/>
        <source>The callback time needs a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="42"/>
        <source>This outcome does not fit who was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="43"/>
        <source>Choose who was reached and the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="44"/>
        <source>This case is no longer in your queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="47"/>
        <source>Not saved: the disk of this computer is full. Free some space, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="49"/>
        <source>Not saved: this computer&apos;s store cannot be written (read-only). Ask IT, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="51"/>
        <source>Not saved: another program holds this computer&apos;s store. Close it, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="53"/>
        <source>Not saved: this computer&apos;s store could not be written. Save again; if it fails again, ask IT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="70"/>
        <source>Contact with a closed case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="71"/>
        <source>Contact while the case is on hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="72"/>
        <source>Number marked not to be contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="73"/>
        <source>Third party not registered on the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="74"/>
        <source>Third party called while the debtor is reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="75"/>
        <source>Third party contacted more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="76"/>
        <source>Channel not allowed for a third party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="77"/>
        <source>Outside the debtor&apos;s contact hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="78"/>
        <source>Called while a promise is pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="79"/>
        <source>Too soon after a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="80"/>
        <source>Daily limit for the number exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="81"/>
        <source>Daily limit for the debtor exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="82"/>
        <source>7-day limit for the debtor exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="83"/>
        <source>Daily limit for third parties exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="84"/>
        <source>Daily SMS limit for the number exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="85"/>
        <source>Daily SMS limit for the debtor exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="86"/>
        <source>7-day SMS limit for the debtor exceeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="87"/>
        <source>Flagged wording kept by the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/rule_text.py" line="100"/>
        <source>Recorded after the case was reassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentsEditor</name>
    <message>
        <location filename="../../agentdesk/desktop/segment_form.py" line="128"/>
        <source>(as the rule picks: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segment_form.py" line="318"/>
        <source>New variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="81"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="84"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="90"/>
        <source>The &apos;%1&apos; compliance preset allows at most %2 calls a day to a number and %3 texts a week; the guard still decides every call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="136"/>
        <source>Version %1: the documented default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="138"/>
        <source>Version %1, saved by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="149"/>
        <source>DPD %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="151"/>
        <source>DPD ≥ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="153"/>
        <source>DPD ≤ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="161"/>
        <source>every other case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="201"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="203"/>
        <source>Changed, not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="272"/>
        <source>Running since %1 on %2% of new cases; its key, share and seed stay fixed while it runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="277"/>
        <source>Starts when saved, on new cases entering the segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="282"/>
        <source>promoted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="282"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="283"/>
        <source>%1 (%2): %3 on %4 by %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="287"/>
        <source>Earlier challengers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="318"/>
        <source>Strategy saved as version %1; every desk uses it within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="332"/>
        <source>Someone saved the strategy meanwhile. Press Revert to see theirs, then make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="338"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="366"/>
        <source>Version %1 is shown; save it to put it back in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="372"/>
        <source>Export the strategy for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="374"/>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="390"/>
        <source>Strategy book (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="384"/>
        <source>Strategy written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="389"/>
        <source>Import a strategy file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="403"/>
        <source>Read %1: review it and save to put it in force.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/segments_editor.py" line="407"/>
        <source>%1 is not a strategy file this program can read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="6"/>
        <location filename="../../ui/segments.ui" line="14"/>
        <source>Segments and strategies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="31"/>
        <source>Saved versions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="42"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="49"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="56"/>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="65"/>
        <source>Cut the portfolio into segments and give each the weights, talk tracks, cadence and collectors that work for it. Every save is a new version; every desk uses it within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="110"/>
        <source>Tried in this order; the first whose rule fits takes the case. The last takes every case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="129"/>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="136"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="143"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="150"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="167"/>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="173"/>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="180"/>
        <source>letters, digits, _ (e.g. early_m1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="187"/>
        <source>Name (Chinese):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="198"/>
        <source>Name (English):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="212"/>
        <source>Rule: which cases (every condition given must hold; empty means any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="218"/>
        <source>Buckets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="227"/>
        <source>M0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="234"/>
        <source>M1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="241"/>
        <source>M2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="248"/>
        <source>M3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="255"/>
        <source>M4+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="271"/>
        <source>Days past due:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="286"/>
        <location filename="../../ui/segments.ui" line="306"/>
        <location filename="../../ui/segments.ui" line="337"/>
        <location filename="../../ui/segments.ui" line="360"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="293"/>
        <location filename="../../ui/segments.ui" line="347"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="322"/>
        <source>Overdue amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="379"/>
        <source>Lenders:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="386"/>
        <location filename="../../ui/segments.ui" line="400"/>
        <location filename="../../ui/segments.ui" line="414"/>
        <source>comma-separated; empty: any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="393"/>
        <source>Products:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="407"/>
        <source>Regions (provinces):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="421"/>
        <source>Promise history:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="432"/>
        <source>Contactability:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="443"/>
        <source>Placement:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="457"/>
        <source>Champion / challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="463"/>
        <source>Run a challenger on part of this segment&apos;s new cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="472"/>
        <source>Challenger key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="479"/>
        <source>a new key for every experiment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="486"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="497"/>
        <source>Share of new cases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="517"/>
        <source>Random seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="534"/>
        <source>Verdict rests on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="549"/>
        <source>Weights, talk tracks and cadence below are the:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="556"/>
        <source>Champion&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="566"/>
        <source>Challenger&apos;s variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="597"/>
        <source>Promote challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="604"/>
        <source>Stop challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="611"/>
        <source>Compare arms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="643"/>
        <source>Queue weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="652"/>
        <source>Talk tracks by situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="661"/>
        <source>Contact cadence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="667"/>
        <source>Channels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="676"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="683"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="699"/>
        <source>Calls a day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="716"/>
        <source>Hours between calls:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="742"/>
        <source>Third parties after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="755"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="765"/>
        <source>SMS a week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="798"/>
        <source>Collector profile (allocation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="804"/>
        <source>Minimum grade:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="815"/>
        <source>Required skills:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="822"/>
        <source>comma-separated, e.g. 法务</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="829"/>
        <source>Preferred skills:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="836"/>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="867"/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/segments.ui" line="874"/>
        <source>&amp;Save for everyone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsDialog</name>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="36"/>
        <source>1 SMS · %1 of %2 characters · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="38"/>
        <source>%1 SMS, joined on the phone · %2 characters, %3 a part · %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="75"/>
        <source>Send SMS — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="86"/>
        <source>Demo server: no SMS gateway is connected. The message is recorded on the case and checked like a real one, but it is not sent to any phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="89"/>
        <source>Record (demo: not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="91"/>
        <source>Sent once through the centre&apos;s SMS gateway; delivery and link opens show in the case&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="94"/>
        <location filename="../../ui/smsdialog.ui" line="104"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="135"/>
        <source>This case has no phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="142"/>
        <source>Allowed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="169"/>
        <source>Send &amp;SMS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/sms_dialog.py" line="172"/>
        <source>Send the open case an SMS from a template (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="7"/>
        <source>Send SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="20"/>
        <source>&amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="26"/>
        <source>Number to send to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="31"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="37"/>
        <source>Language of the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="47"/>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="58"/>
        <source>What the debtor will read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="65"/>
        <source>Message preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/smsdialog.ui" line="99"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrategyEditor</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="138"/>
        <source>en</source>
        <comment>Language of the weights&apos; labels and reasons: zh or en</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="141"/>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="145"/>
        <source>Queue strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="147"/>
        <source>These are the base weights of every agent&apos;s queue: each segment starts from them and may set some of its own (Strategy engine tab). A change reaches every desk within seconds; hover over a weight or read the line under it for why its default is what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="150"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="151"/>
        <source>Documented &amp;defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="152"/>
        <source>&amp;Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="153"/>
        <source>&amp;Save for everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="157"/>
        <source>Default %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="222"/>
        <source>Version %1: the documented defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="224"/>
        <source>Version %1, saved by %2 on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="234"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="236"/>
        <source>Changed, not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="255"/>
        <source>Strategy saved as version %1; every queue now uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="269"/>
        <source>Someone saved the strategy meanwhile. Press Revert to see theirs, then make your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_editor.py" line="275"/>
        <source>Unexpected error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrategyTexts</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="19"/>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="29"/>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="39"/>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="20"/>
        <source>No promise yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="21"/>
        <source>A promise pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="22"/>
        <source>Last promise kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="23"/>
        <source>Last promise broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="30"/>
        <source>Not called yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="31"/>
        <source>Debtor reached before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="32"/>
        <source>Debtor never reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="33"/>
        <source>No working phone of the debtor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="40"/>
        <source>First placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="41"/>
        <source>Returned account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="47"/>
        <source>Trainee (新手)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="48"/>
        <source>Regular (熟练)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="49"/>
        <source>Senior (资深)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="50"/>
        <source>Expert (专家)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="56"/>
        <source>Recovered per case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="57"/>
        <source>Right-party contact rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="58"/>
        <source>Promise rate (per right-party contact)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="59"/>
        <source>Kept-promise rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="60"/>
        <source>Recovered per call hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="61"/>
        <source>Flags and stop requests per 1,000 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="68"/>
        <source>Contact rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="69"/>
        <source>Promise rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="70"/>
        <source>Kept rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="76"/>
        <source>Challenger better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="77"/>
        <source>Challenger worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="78"/>
        <source>No clear difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="79"/>
        <source>No data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="85"/>
        <source>New placement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="86"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="87"/>
        <source>Collector absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="92"/>
        <source>Champion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="92"/>
        <source>Challenger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="100"/>
        <source>The weight %1 is outside its allowed range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="105"/>
        <source>The cadence asks for %1, but the &apos;%2&apos; compliance preset allows at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="111"/>
        <source>The last segment must take every case: clear its conditions, or add a last &apos;all other cases&apos; segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="116"/>
        <source>This segment has no condition and takes every case, so the segments after it would never be used: give it a condition or move it last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="122"/>
        <source>Another segment already has the key &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="124"/>
        <source>The challenger key &apos;%1&apos; was used before; every experiment needs a new key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="128"/>
        <source>A third-party situation takes only a third-party talk track, and a debtor situation only a debtor track.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="133"/>
        <source>There is no talk track &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="135"/>
        <source>This value is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/strategy_texts.py" line="136"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StrategyWorkbench</name>
    <message>
        <location filename="../../agentdesk/desktop/strategy_workbench.py" line="52"/>
        <source>Strategy engine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="25"/>
        <source>⟳ Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="27"/>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="29"/>
        <source>● Signed out: sign in again to send your work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="31"/>
        <source>● Offline: changes are kept and sent when the server is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="35"/>
        <source>%1 waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="37"/>
        <source>All sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="40"/>
        <source>%1 rejected: see the case timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="44"/>
        <source>Last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/status.py" line="46"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TalkTrackPanel</name>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="87"/>
        <source>No talk track for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="190"/>
        <source>The debtor answers this way: go to the matching step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="206"/>
        <source>Required line: tick it once you have said it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="207"/>
        <source>Required line said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/talktrack_panel.py" line="247"/>
        <source>Required lines %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/talktrack.ui" line="6"/>
        <location filename="../../ui/talktrack.ui" line="17"/>
        <location filename="../../ui/talktrack.ui" line="37"/>
        <source>Talk track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/talktrack.ui" line="36"/>
        <source>Switch to another talk track (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="49"/>
        <source>Flagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="74"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="82"/>
        <source>Promise %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="96"/>
        <source>Payment received %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/case_panel.py" line="274"/>
        <source>No contact with this debtor yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline_view.py" line="108"/>
        <location filename="../../agentdesk/desktop/timeline_view.py" line="217"/>
        <source>not yet synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="111"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="119"/>
        <source>scheduled by the strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="122"/>
        <source>link opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="126"/>
        <source>SMS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="136"/>
        <source>waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="137"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="138"/>
        <location filename="../../agentdesk/desktop/timeline.py" line="139"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="140"/>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="141"/>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="142"/>
        <source>not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="143"/>
        <source>cancelled (not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/timeline.py" line="144"/>
        <source>refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wrapup</name>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="100"/>
        <source>The note contains %1 (%2). Rephrase it, or say below why it must stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="139"/>
        <source>No call was placed from this desk for this case: dial first (F5), or tick “The debtor called in”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="143"/>
        <source>When the debtor called in, someone was reached: choose who.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="145"/>
        <source>Choose who was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="147"/>
        <source>Choose the outcome of the call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="149"/>
        <location filename="../../agentdesk/desktop/wrapup.py" line="195"/>
        <source>This outcome does not fit who was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="158"/>
        <source>Write the amount like 1500 or 1,500.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="162"/>
        <source>Choose the date the debtor will pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="173"/>
        <source>Choose when to call back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="175"/>
        <source>The callback time has already passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../agentdesk/desktop/wrapup.py" line="180"/>
        <source>Not an allowed hour for a call: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
