<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
        <source>Account</source>
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
        <translation>
            <numerusform>The portal did not accept some details; see the %n marked field.</numerusform>
            <numerusform>The portal did not accept some details; see the %n marked fields.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Please correct the %n marked field(s).</source>
        <translation>
            <numerusform>Please correct the %n marked field.</numerusform>
            <numerusform>Please correct the %n marked fields.</numerusform>
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
    <name>Fields</name>
    <message>
        <source>Problem with {what}</source>
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
