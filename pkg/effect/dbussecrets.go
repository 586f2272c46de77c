package effect

import (
	"strings"

	"rampart.dev/pkg/internal/table"
	"rampart.dev/pkg/shell"
)

// The Secret Service (GNOME Keyring, KWallet's secrets) answers over
// D-Bus: a D-Bus client calling its GetSecrets or an item's GetSecret
// (busctl call …, gdbus call --method org.freedesktop.Secret.Item.GetSecret,
// dbus-send … org.freedesktop.Secret.Service.GetSecrets) prints stored
// passwords, as secret-tool lookup does; a collection's Delete removes
// the keyring, as deleting the keyring's files does, and an item's one
// stored secret, as secret-tool clear does. The method is named INTERFACE.Member (or the interface and the
// member as two words: busctl), whatever the client.

// dbusClients are the programs that call D-Bus methods from their words.
var dbusClients = table.Map[string, bool]{Words: "busctl gdbus dbus-send qdbus qdbus6 qdbus-qt5 dbus"}

// dbusSecretMethod returns the Secret Service member command c calls
// ("GetSecrets", "GetSecret", "Collection.Delete", "Item.Delete"), or "".
func dbusSecretMethod(c *shell.Command) string {
	if !strings.Contains(c.Name, "bus") || !dbusClients.Get(c.Name) {
		return "" // (every D-Bus client's name holds "bus": a cheap test first)
	}
	iface := "" // the Secret Service interface the word before named (busctl)
	for _, w := range c.Args {
		w = strings.TrimPrefix(strings.TrimPrefix(w, "--method="), "-m=")
		if k := strings.LastIndex(w, "org.freedesktop.Secret."); k >= 0 {
			rest := w[k+len("org.freedesktop.Secret."):] // Item.GetSecret, Service
			if kind, member, ok := strings.Cut(rest, "."); ok {
				if m := secretMember(kind, member); m != "" {
					return m
				}
				continue
			}
			iface = rest
			continue
		}
		if iface != "" {
			if m := secretMember(iface, w); m != "" {
				return m
			}
		}
		iface = ""
	}
	return ""
}

// secretMember returns a member of the Secret Service interface kind
// (Service, Collection, Item) that hands out or removes secrets, or "".
func secretMember(kind, m string) string {
	switch {
	case m == "GetSecrets" || m == "GetSecret":
		return m
	case m == "Delete" && (kind == "Collection" || kind == "Item"):
		return kind + ".Delete"
	}
	return ""
}

// dbusSecretsDeleted adds what a D-Bus call of a Secret Service Delete
// removes: a collection, the keyring's files; an item, one stored secret.
func (a *analysis) dbusSecretsDeleted(i int, c *shell.Command) {
	switch dbusSecretMethod(c) {
	case "Collection.Delete":
		if a.env.Home != "" {
			a.add(Effect{Kind: Delete, Cmd: i, Path: a.env.Home + "/.local/share/keyrings", Recursive: true})
		}
	case "Item.Delete":
		a.add(Effect{Kind: Destroy, Cmd: i, Detail: "remote", Word: c.Name + " deletes a stored secret (Secret Service Item.Delete)"})
	}
}
