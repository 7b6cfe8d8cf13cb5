<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong inside Claims Desktop. Your work on screen is kept; please try again. If it keeps happening, contact your IT support and quote reference {request_id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside Claims Desktop. Your work on screen is kept; please try again. If it keeps happening, contact your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
