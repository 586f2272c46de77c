package effect

import "testing"

func TestReachesPeople(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"publish", "--phone-number", "+15558675310", "--message", "hi"}, true},
		{[]string{"publish", "--topic-arn", "arn:aws:sns:us-east-1:1:customer-alerts", "--message", "x"}, true},
		{[]string{"topics", "publish", "all-users", "--message", "x"}, true},
		{[]string{"publish", "--topic-arn", "arn:aws:sns:us-east-1:1:deploys", "--message", "deploy finished"}, false},
		{[]string{"topics", "publish", "builds", "--message={}"}, false},
	} {
		if got := reachesPeople(tc.args); got != tc.want {
			t.Errorf("reachesPeople(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestOptionValue(t *testing.T) {
	args := []string{"dns", "create", "--zone", "acme.io", "--name", "status", "--proxied", "--", "list"}
	if !optionValue(args, "status") {
		t.Error("optionValue(--name status) = false")
	}
	if optionValue(args, "create") || optionValue(args, "list") {
		t.Error("a verb, or a word after --, read as an option's value")
	}
}

func TestThisMachineShortProductionName(t *testing.T) {
	if thisMachine("kafka-prod") || !elsewhere("mysql-prod") {
		t.Error("a short host name naming production read as this machine's")
	}
	if !thisMachine("kafka") || elsewhere("db") {
		t.Error("a compose service's short name read as another machine")
	}
}

func TestAddressedToPeople(t *testing.T) {
	for addr, want := range map[string]bool{
		"customers@lists.acme.io":         true,
		"team@acme.com,all-users@acme.io": true,
		"news@subscribers.acme.io":        true,
		"all-staff@example.com":           true,
		"allhands@acme.io":                true,
		"eng.employees@acme.io":           true,
		"alice@example.com":               false,
		"tall-order@acme.io":              false,
		"team@acme.com":                   false,
		"ops@acme.io, oncall@acme.io":     false,
		"not-an-address":                  false,
	} {
		if got := addressedToPeople(addr); got != want {
			t.Errorf("addressedToPeople(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestMakesMachine(t *testing.T) {
	for w, want := range map[string]bool{
		"run-instances": true, "create-server": true, "launch-instance": true,
		"describe-instances": false, "run-task": false, "create": false, "stop-instances": false,
	} {
		if got := makesMachine(w); got != want {
			t.Errorf("makesMachine(%q) = %v, want %v", w, got, want)
		}
	}
}
