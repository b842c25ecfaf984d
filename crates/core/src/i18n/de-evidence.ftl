# graphwiz — deutsche Texte der Aussagen, die graphwiz über eine Integration belegt
# (store/evidence.rs). Gleiche IDs und Argumente wie en-evidence.ftl. Für jede Oberfläche gleich:
# keine Befehlszeilen, keine Schaltflächennamen.

evidence-validated = Validiert: Jede Aussage, die diese Einrichtung braucht, ist belegt.
evidence-not-validated = Noch nicht validiert. { $open }
evidence-stale = Die Integration hat sich seit der letzten Prüfung geändert (anderer Schlüssel, andere App oder anderer Genesys-Cloud-Client): Prüfen Sie erneut.
evidence-azure-proven = Die Azure-App ist gültig: Ihr Schlüssel erhält ein Token mit Mail.ReadWrite und Mail.Send.
evidence-azure-disproven = Die Azure-App ist nicht gültig: { $detail }
evidence-azure-unknown = Die Azure-App ist noch nicht geprüft: Führen Sie die Prüfungen aus.
evidence-azure-user-read = Die Zustimmung zu User.Read (Delegiert) der Azure-App ist noch nicht belegt: Die Anmeldung eines Administrators bestätigt sie (das eigene Token der App kann sie nicht lesen).
evidence-mailbox-none = Es ist kein Postfach genannt: Fügen Sie die Postfächer hinzu, die Genesys Cloud bedient.
evidence-mailbox-proven = { $mailbox } ist erreichbar.
evidence-mailbox-disproven = { $mailbox } ist nicht erreichbar: { $detail }
evidence-mailbox-unknown = { $mailbox } ist noch nicht geprüft: Prüfen Sie die Postfächer.
evidence-flow-proven = Mails kommen an: Der Live-Test von { $mailbox } war erfolgreich.
evidence-flow-disproven = Mails kommen nicht an: Der Live-Test von { $mailbox } schlug fehl; führen Sie ihn erneut aus, sobald behoben ist, was er nennt.
evidence-flow-unknown = Dass Mails ankommen, ist noch nicht belegt: Führen Sie den Live-Test aus.
evidence-secret-proven = Der geheime Clientschlüssel ist gültig bis { $date } ({ $days } Tage).
evidence-secret-soon = Der geheime Clientschlüssel läuft am { $date } ab (in { $days } Tagen): Erneuern Sie ihn.
evidence-secret-expired = Der geheime Clientschlüssel ist am { $date } abgelaufen: Erneuern Sie ihn.
evidence-secret-unknown = Das Ablaufdatum des geheimen Clientschlüssels ist nicht bekannt: Prüfen Sie erneut oder tragen Sie das Datum von Hand ein.
evidence-genesys-proven = Genesys Cloud ist eingerichtet: Die Integration ist mit dieser App aktiv, Domain und Routen sind vorhanden.
evidence-genesys-disproven = Genesys Cloud ist nicht richtig eingerichtet: { $detail }
evidence-genesys-unknown = Genesys Cloud ist noch nicht geprüft: Führen Sie die Prüfungen aus.
evidence-in-use-proven = Die Integration in Genesys Cloud ist mit der App dieses Profils aktiv.
evidence-in-use-other = Genesys Cloud verwendet einen anderen Schlüssel als dieses Profil: Entra ID lehnt den Schlüssel der Integration ab, während der Schlüssel dieses Profils funktioniert. Tragen Sie den Schlüssel dieses Profils in die Anmeldedaten der Integration ein (eine Rotation erledigt das) und deaktivieren und aktivieren Sie die Integration dann.
evidence-in-use-unknown = Welchen Schlüssel Genesys Cloud verwendet, ist noch nicht belegt: Führen Sie die Prüfungen mit dem Genesys-Cloud-Teil aus.
evidence-pickup-proven = Genesys Cloud hat die Testmail abgeholt (Abholtest).
evidence-pickup-disproven = Genesys Cloud hat die Testmail nicht abgeholt: { $detail }
evidence-pickup-unknown = Dass Genesys Cloud die Mails abholt, ist noch nicht belegt: Führen Sie den Abholtest aus.
