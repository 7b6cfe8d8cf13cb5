<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <source>About Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop {version}
Qt for Python {qt}
Portal: {host}

Nothing is stored on this computer except the session token, in the operating system&apos;s credential store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountForm</name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fi&amp;rst name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pho&amp;ne:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIN (last four digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member since:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the plan contacts you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send me notices by e&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also send &amp;paper mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact me &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountScreen</name>
    <message>
        <source>Your account has been deactivated and you are signed out. To use the portal again, contact provider support (Help &gt; Support contact).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Any other computer signed in as you was signed out; you stay signed in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are not saved yet: the portal needs you to sign in again or accept its privacy policy first. They are kept and will be saved right after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account status message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo my changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo my unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes to your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password and account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password signs out any other computer signed in as you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change pass&amp;word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivating ends your access for good: you are signed out and cannot sign in with this account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account changes are not saved yet. If you leave, they stay here until you save or undo them, or sign out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tay here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Press Account again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to save; your account already has these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was changed on the portal while you were editing; loading its version so you can compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Your changes are kept; press Save to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was changed on the portal while you were editing. Choose which values to keep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved. Your changes are still here; when you save, you will be asked again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account now has the portal&apos;s values; there was nothing more to save.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExport</name>
    <message>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchLayout</name>
    <message>
        <source>Batch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim numbers to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste claim numbers here: one per line, or separated by commas, spaces or tabs, as they come out of a spreadsheet. Ctrl+Enter checks them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch status summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the result to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the result as a CSV file (it will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the status of the pasted claim numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every number in the box (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open CSV or Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a CSV or Excel file with claim numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the claim-number column of a CSV or XLSX file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after what has arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the numbers not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the numbers that were not checked again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of each claim number; Enter opens a found claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the batch result</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %Ln claim number(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{checking} from {file} (column &quot;{column}&quot;, header row skipped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{checking} from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln repeated number(s) left out</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>not claim numbers (marked below, not sent): {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{over} over the limit of {limit} were not checked; split the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{parts}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {found} found, {missing} not found (not known to the portal, or not a claim of your office).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not claim numbers (not sent): {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Enter on a found row to open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{advice} (Rule: {source})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchScreen</name>
    <message>
        <source>Open a list of claim numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim lists (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no claim numbers to check. Paste them (one per line, or separated by commas, spaces or tabs) or open a CSV or Excel file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not answer for every number: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until the updated privacy policy is accepted; then the check goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until you sign in again; then the check goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{why} {done} checked; {rest} not checked. Retry checks the rest; what arrived stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the batch result to CSV (the file will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln row(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClaimDetail</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {words}. {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %n more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment has been made on this claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (code {code}: {words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No status history was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimDetailPanel</name>
    <message>
        <source>Claim detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim detail status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the claim again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this claim (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this claim as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this claim as a PDF file you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follo&amp;w up on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on this claim on a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this claim on your worklist for a date (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the claim detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the claim detail (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{caption}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this claim has this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the codes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the adjustment and remark codes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the claim lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the claim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adjustments or remarks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimExport</name>
    <message>
        <source>The file contains patient information. Keep it only where your office allows, and delete it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} — printed {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billing NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the codes mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No adjustments or remarks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From Claims Desktop. Contains patient information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimOutput</name>
    <message>
        <source>Claim {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no claims listed to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export claims to CSV (the file will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer could not be opened; nothing was printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claim was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the claim as PDF (the file will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the claim to {path}. </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n claim(s) to {path}. </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The file was not saved. {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimStatus</name>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimWords</name>
    <message>
        <source>Acknowledged or rejected on receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More information requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contractual obligation (the provider writes this off; do not bill the patient)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient responsibility (the patient may be billed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payer-initiated reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction or reversal of an earlier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic funds transfer (ACH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description is available for this reason code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description is available for this remark code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; and %n more (see the lines below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Denied: {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment: {reasons}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted for processing: {status}. Correct and resubmit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsScreen</name>
    <message>
        <source>Number of claims found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the listed claims to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the claims listed here to a CSV file (it will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick filter of the loaded claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, claim, member ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Narrow the claims already loaded by claim number, patient name, member ID, status or payment number; no new search is made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service date, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service date, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed, highest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed, lowest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received, oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once the privacy policy is accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>once you have signed in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search will run again {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The portal did not accept the %n marked field(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please correct the %n marked field(s) before searching.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading will go on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load more claims: {reason} The claims already listed stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up saved for {date}; it is on your worklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The claim will load {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the claim: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims shown: the search did not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No search yet: fill in any details above and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims match these details</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s) ({loaded} loaded)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, {n} match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, loading more…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, from an earlier search (not refreshed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsTable</name>
    <message>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payer&apos;s claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient&apos;s last and first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The patient&apos;s member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First and last date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status category and what it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount billed, in dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount allowed under the contract, in dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount the plan paid, in dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pt. resp. ($)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient responsibility: what the patient may owe, in dollars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date the payment was made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check or electronic payment (EFT) number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns; the service date and billed columns sort</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClaimsTableModel</name>
    <message>
        <source> (click to sort)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeField</name>
    <message>
        <source>Code from your authenticator app, or a recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code or recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Your account was changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While you were editing, your account was changed on the portal (from another computer or by the plan): {changed}. Nothing is saved yet and nothing you typed is lost. Choose, for each line, which value to keep, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While you were editing, your account was changed on the portal (from another computer or by the plan). Nothing is saved yet and nothing you typed is lost. Choose, for each line, which value to keep, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You started from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now on the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: keep my value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: take the portal&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use all &amp;my values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use all the &amp;portal&apos;s values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and keep editing; nothing is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save these choices</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>DeactivateDialog</name>
    <message>
        <source>Deactivating your account means:
• You are signed out at once, here and on every other computer.
• You cannot sign in with this username again, and it cannot be reactivated from Claims Desktop.
• Your office&apos;s claims are not affected; other users of your office keep their access.
• To use the portal again later you need a new registration, or provider support&apos;s help.

To correct your details or change your password instead, close this window and use the Account screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password to confirm it is you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivation problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for deactivating (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: why are you deactivating the account?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I understand that I will not be able to sign in with this account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep my account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue to deactivation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, &amp;go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate my account now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason can have at most {most} characters; this one has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the account {name} now?

This is the last step. You will be signed out at once and cannot sign in with this account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Your account was not deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message numerus="yes">
        <source>The portal did not accept some details; see the %n marked field(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please correct the %n marked field(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source> (reference {request_id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username or password is not right, or the account is not active yet (a new registration waits for your office&apos;s administrator, the office&apos;s code, or a reviewer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right or was used already. Check the time on your phone, wait for the next code, or use one of your recovery codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is locked after too many sign-in attempts. Try again in %n minute(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExactCodesDialog</name>
    <message>
        <source>Exact status codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the X12 claim status categories to search for. Ticking an outcome ticks all of its codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status codes by outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Problem with {what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>X12 835 remittances (*.835 *.edi *.txt *.x12);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open remittance file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>The date is in the past. Pick today or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date within the next two years.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the note to {limit} characters (now {now}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on a claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on claim {claim}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel without saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: sign in again (or accept the policy), then press Save. What you typed is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>DD</source>
        <comment>day, in a hint on how to type a date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM</source>
        <comment>month, in a hint on how to type a date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY</source>
        <comment>year, in a hint on how to type a date</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>Link not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop opens only secure (https) web addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaving Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are leaving Claims Desktop for a site run by someone else: {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That site has its own privacy practices, which this application&apos;s privacy policy does not cover. It opens in your web browser.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why Claims Desktop is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password to unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out instead of unlocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as &amp;someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign this session out and sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right or was used already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 try left before you are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n tries left before you are signed out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enter your password to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app, or a recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Sign in to the Claims Online Portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal: {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with signing in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register a new account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register a new office account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have a &amp;code for my office…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the verification code of a registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo users (reference portal, made-up data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in demo user {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Some settings could not be read and safe values are used:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection and session status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;ptions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open remittance file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privacy policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Support contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal ended your session (was your password changed on another computer?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop was closed without signing out (a crash, a power cut or the computer shutting down). Enter your password to go on, or sign in as someone else, which signs this session out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no safe place to keep your sign-in, so Claims Desktop keeps it in memory only, while it is open. You will need to sign in again each time you start Claims Desktop. Nothing else changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need to accept the privacy policy to use Claims Desktop. It will be shown again when you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined the privacy policy, so you were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session on the portal ended. Enter your password to go on; what you were doing is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password to go on; your work is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not saved. Sign out and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You locked Claims Desktop. Enter your password to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop locked itself after {minutes} without use. Enter your password to go on; what you were doing is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop will lock in about {minutes} unless you use it. Move the mouse or press a key to stay signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous session was signed out. Sign in with your own user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session on the portal ended, so the portal asks for your code too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong passwords: you were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not saved. Quit and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer is signing you out. You have changes that are not saved. Sign out and lose them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your IT department requires two-step sign-in on this computer, so you were signed out. Sign in again and set it up to go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the computer last ended your session (sign-out, shutdown), changes on these screens were not saved: {screens}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find payments and read remittances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the status of a list of claim numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your follow-ups and claims that changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <source>Deadline passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{urgency}: {days} (by {date}, {window})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{urgency}: {days} (by {date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{urgency}: {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}. {advice}
{deadline}.
Rule: {source}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextStepWords</name>
    <message numerus="yes">
        <source>%Ln day(s) left</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln day(s) late</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeUsersSection</name>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People who registered for your office wait here until you approve them. Approve only people who work for your office.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refuse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office users message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved: they can sign in now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the refusal; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (the person is told):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed: that user is signed out and cannot sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this user from your office? They are signed out at once.</source>
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
<context>
    <name>PasswordDialog</name>
    <message>
        <source>The password was not changed: the portal asked you to sign in again or to accept its privacy policy first. Then type the passwords again and press Change password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the change, any other computer signed in as you is signed out. You stay signed in here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Con&amp;firm new password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new password confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the passwords as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password change problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the new password again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentWords</name>
    <message>
        <source>Recovery of an earlier overpayment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest owed to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance forwarded (carried between payments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nonreimbursable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery of an unspent balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceleration of benefits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal Revenue Service withholding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Levy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Electronic funds transfer (EFT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No money moved (notification only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Financial institution option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Federal Reserve wire transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider writes off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient may be billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payer reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correction or reversal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}-{code}, {who}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: {who}. {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark {code}: {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider adjustment {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reason} (reference {ref})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} taken from the deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} added to the deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{code}: {reason}: {effect}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit {deposit} = claims paid {paid} − provider adjustments {plb}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit {deposit} = claims paid {paid} + provider adjustments {plb}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These figures do not add up: claims paid minus provider adjustments is {expected}, but the deposit is {deposit} (a difference of {difference}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsActions</name>
    <message>
        <source>Number of payments found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load &amp;more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the remittance&apos;s claims to a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the remittance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the remittance as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittance {trace}, {date}, from {payer} to {payee}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the remittance to CSV (the file will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %Ln claim(s) to {file}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The file was not saved ({reason}). Choose another folder or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not saved. Choose another folder or name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The remittance was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the remittance as PDF (the file will contain patient information)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the remittance to {file}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsForm</name>
    <message>
        <source>Any method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EFT (ACH)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment (notice only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EFT trace or check number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. EFT123456789012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on or after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trace / check no.:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit at &amp;least:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit at mos&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first paid date is not a date (type it as {hint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last paid date is not a date (type it as {hint}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest deposit is not an amount such as 125.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest deposit is not an amount such as 125.00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first paid date is after the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The smallest deposit is more than the largest.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace / check no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentsScreen</name>
    <message>
        <source>Reading the remittance file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments found; Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payments match</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s) ({listed} listed)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln payment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Opening the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This claim is not among your office&apos;s claims on the portal (it may be older than the portal keeps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {file} against the 835 guide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln problem(s), listed under the claims</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: checked against the 835 guide, {found}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is shown, but it could not be checked against the 835 guide: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until the updated privacy policy is accepted; then it goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until you sign in again; then it goes on by itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Policy</name>
    <message>
        <source>[picture not shown]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since version {previous}, which you accepted on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes since version {previous}, the version you accepted before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current version is {current}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text itself did not change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>Privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {version} · effective {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please read the policy. You need to accept it to search claims.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy policy has changed since you last accepted it. Please read what changed and accept to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem with accepting the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed in the privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary of changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your acceptances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your policy acceptances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept the privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline the privacy policy and sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the privacy policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop hides every claim and asks for your password after this long without use. You can choose a shorter time; {maximum} minutes is the longest your organization allows.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <source>Register a new office account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register once for your office. Every field is required. The details are sent to the claims portal when you press Register and are not kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register the account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> What you typed is kept; you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The privacy policy changed while you were filling in the form. Please read and accept it; your registration is then sent again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need to accept the current privacy policy to register. What you typed is still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the registration and discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationFlow</name>
    <message>
        <source>You need to accept the privacy policy to register.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>{min} to {max} characters. Spaces and any letters, digits or symbols are allowed, and none are required; it cannot be your username. A short sentence you will remember works well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred way to contact you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ways to contact you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password again to confirm it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work &amp;email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>work email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@yourpractice.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(202) 555-0143</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organization name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as in your contract with the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12-3456789 or 123456789</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;NPI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-32 letters, digits, . _ -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confir&amp;m password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;how passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the passwords as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send me notices &amp;by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also send paper ma&amp;il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contact preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan checks the TIN, the NPI and the organization name against its contracting records. If they do not match, the account waits for a reviewer before you can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the plan contacts you (you can change this later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred &amp;channel:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegistrationOutcome</name>
    <message>
        <source>The support desk&apos;s details could not be loaded just now. After you close this window, Help &gt; Support contact on the sign-in screen shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{organization}
Phone: {phone}
Email: {email}
Hours: {hours}
Website: {website}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you have questions, contact provider support and give them your username (never your password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can sign in now with the username {name} and the password you chose. The username is filled in on the sign-in screen for you (only until Claims Desktop closes; it is not saved on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your office&apos;s administrator needs to approve you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} was created, but you cannot sign in yet. Your office already uses the Claims Online Portal, so one of its administrators (usually the office manager or whoever set up the portal for your office) approves new users under Account &gt; Office users.

What happens next: ask your administrator to approve you. Once they have, sign in with this username and your password. If they refuse the request, they tell you why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your office needs to confirm you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} was created, but you cannot sign in yet. You are the first user of your office, so the portal has to make sure you really work there: it has sent a one-time code to your office&apos;s contact on the payer&apos;s contracting file (not to the e-mail address you typed). Ask the person who handles the payer&apos;s contracts or mail for it.

You will also need the amount and the date of one payment the payer made to your office in the last 90 days (on a remittance advice or a bank statement).

The code works once, for 24 hours. Enter it now, or later with &quot;I have a code for my office&quot; on the sign-in screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your registration is waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account {name} was created, but you cannot sign in yet. The NPI is not listed for this TIN in the plan&apos;s contracting records, or the organization name differs from them, so a reviewer at the plan checks the registration first.

What happens next: once the reviewer activates the account you can sign in with this username and your password. Nothing else is needed from you unless the plan contacts you. If you have not been able to sign in after a few business days, or you think a detail was wrong, contact provider support and give them your username (never your password).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whom to contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the support desk&apos;s details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter the office&apos;s code now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code your office received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close and go to the sign-in screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the registration window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemittanceExport</name>
    <message>
        <source>{method} {trace}, paid {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {payer} to {payee} (NPI {npi})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words} {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{last}, {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{header} · page {page} of {pages}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemittanceView</name>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient owes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remittance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deposit and how it adds up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures do not add up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims in this payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider-level adjustments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No payment open: choose one in the list, search above, or use File &gt; Open remittance file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}: {source}, {trace}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem at {where}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning at {where}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source}: {method} {trace}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To {payee} (NPI {npi}, TIN ***-**-{tin})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To {payee} (NPI {npi})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {payer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No provider-level adjustments in this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{last}, {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}  Claim adjustment {words}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {n}: {procedure}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount}  {words}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedSearchBar</name>
    <message>
        <source>Save this search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the chosen saved search (Alt+1 to Alt+9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the current search under a name (Ctrl+Shift+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chosen saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches: what happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent claims (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 20 claims opened in this session (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the marked search fields first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: sign in again, then save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved &quot;{name}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a saved search of this name; pick another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No claims opened yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Batch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchForm</name>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date of birth cannot be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Member ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient &amp;last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient f&amp;irst name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date of birth:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>patient date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;vice from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service &amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last date of service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Billing NPI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rendering NPI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rendering NPI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search with these details (Enter in any field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty every field and go back to the last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &apos;to&apos; date is before the &apos;from&apos; date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search can cover at most %n month(s); narrow the dates.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the screens, in the order of the buttons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a remittance (835) file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (in the form); open the claim (in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the claim detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on the claim shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the claim shown (where IT allows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run saved search 1 to 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the current search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent claims (the last 20 opened)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the numbers pasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the claim of the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the follow-up done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze: follow up on a later date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign to a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>No portal address is set. Ask your IT support to set &apos;portal_url&apos;, or start with --portal-url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Portal {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be reached now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate not trusted: not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{tls}, certificate verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session token: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>Claim status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for claims with this outcome; &quot;Exact status codes…&quot; picks X12 status categories one by one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact status codes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses: {codes}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Support</name>
    <message>
        <source>{organization}

Phone: {phone}
Email: {email}
Hours: {hours}
Website: {website}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not give the contact just now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the contact it gave on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The support contact comes from the portal, which cannot be reached now, and it was never fetched on this computer. Ask your office&apos;s IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <source>Row numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwoStepDialog</name>
    <message>
        <source>Nothing was changed: the portal asked you to sign in again or to accept its privacy policy first. Then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To turn off two-step sign-in, type your password and a code from your authenticator app (or one of your recovery codes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in asks for a 6-digit code from an authenticator app on your phone each time you sign in, so a stolen password alone is not enough. Type your password to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code or recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code with your authenticator app, or type the key below into it. Then type the 6-digit code the app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for the authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key to type into the authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in is on. Keep these recovery codes somewhere safe, away from your phone: each one signs you in once if the phone is lost. They are shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password and a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the 6-digit code your authenticator app shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> What you typed is kept; you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims Desktop - two-step sign-in recovery codes

Each code signs you in once. Keep this page somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwoStepSection</name>
    <message>
        <source> Your IT department requires it on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;up two-step sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn o&amp;ff two-step sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off two-step sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On: signing in asks for a code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: signing in asks only for your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Enter the 8-digit code the portal sent to your office&apos;s contact on the payer&apos;s contracting file, and the amount and date of one payment the payer made to your office in the last 90 days (from a remittance advice or a bank statement).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm you work for the office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment &amp;amount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example 1234.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MM/DD/YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirming the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the office a &amp;new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> {left} tries left with this code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Ask for a new code if this one no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Press &quot;Send the office a new code&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> What you typed is kept; you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new code is on its way to your office&apos;s contact. The old code no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistDialogs</name>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up again &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the follow-up to a colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({username})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colleague:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistLayout</name>
    <message>
        <source>{words} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}, assigned to {who}, note &quot;{note}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state}, assigned to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark it done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow up on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hand it to {who}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note &quot;{note}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A colleague changed the follow-up on claim {claim} while you were working.
Theirs now: {theirs}.
Yours (kept, not sent yet): {mine}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the follow-up done (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on a later date (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the follow-up to a colleague (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the worklist again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worklist summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status changed since you last opened them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims whose status changed; Enter opens one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A colleague changed this follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply your change on top of your colleague&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop your change and keep your colleague&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your follow-ups; Enter opens the claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns of the worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln claim(s) changed since you last opened them</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to follow up on; {changed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to follow up on. To add a claim, open it and press &quot;Follow up on…&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{overdue} overdue, {today} due today, {upcoming} upcoming; {changed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{claim}: was {before}, now {after}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{words} ({code})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistScreen</name>
    <message>
        <source>Loading your worklist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The worklist could not be loaded: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until the updated privacy policy is accepted; nothing you did is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until you sign in again; nothing you did is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is in the past. Pick today or a later date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No colleague of your office can take this follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet: once the portal lets you in again, repeat the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim {claim}: follow-up done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim {claim}: handed to {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim {claim}: follow up on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept your colleague&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(Ctrl+{number})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and remove the session from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YourDataPanel</name>
    <message>
        <source>Your name, email, phone and contact preferences: change them on the left and press Save. Your organization, TIN and NPI come from your registration and the plan&apos;s contracting records; to correct them, or to ask what the plan holds about you, contact provider support:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the support desk&apos;s details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider support contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policies you accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy policy acceptances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acceptance columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The support desk&apos;s details could not be loaded; Help &gt; Support contact shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No acceptances are recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
