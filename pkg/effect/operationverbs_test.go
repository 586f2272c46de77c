package effect

import (
	"strings"
	"testing"
)

// TestPascalVerb: an API operation's name in Pascal case is read as the
// verb it starts with; a name that starts with no verb, or has a run of
// capitals, stays a value.
func TestPascalVerb(t *testing.T) {
	for w, want := range map[string]string{
		"StopInstance":        "stop-instance",
		"AttachPolicyToUser":  "attach-policy-to-user",
		"AddDomainRecord":     "add-domain-record",
		"DescribeInstances":   "describe-instances",
		"TestRefreshToken":    "",
		"MyApp":               "",
		"Production":          "",
		"Stop":                "",
		"ID":                  "",
		"DescribeDBInstances": "",
	} {
		if got := pascalVerb(w); got != want {
			t.Errorf("pascalVerb(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestOperationNameVerbs: a cloud CLI whose verbs are API operation names
// (aliyun, tccli) is read by them as by its dashed verbs: a machine
// stopped, a DNS record added, a policy attached, a security group opened;
// its describes only look. Nothing is run.
func TestOperationNameVerbs(t *testing.T) {
	for line, want := range map[string]string{
		"aliyun ecs StopInstance --InstanceId i-bp1":                                               "destroy:shared-change",
		"tccli cvm RebootInstances --InstanceIds ins-1":                                            "destroy:shared-change",
		"aliyun alidns AddDomainRecord --DomainName example.com --RR api --Type A --Value 1.2.3.4": "destroy:shared-change",
		"aliyun ram AttachPolicyToUser --PolicyName AdministratorAccess --UserName ci":             "destroy:access",
		"aliyun ecs AuthorizeSecurityGroup --SecurityGroupId sg-1 --PortRange 22/22":               "destroy:access",
		"aliyun ecs DescribeInstances --RegionId cn-hangzhou":                                      "",
		"aliyun rds DescribeDBInstances --RegionId cn-hangzhou":                                    "",
	} {
		effs := effectsOf(line)
		if want == "" {
			if len(effs) != 0 {
				t.Errorf("%q: want no effect, got %v", line, effs)
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
	// a test's name is no operation: dlv test … -- -test.run TestRefreshToken
	if effs := effectsOf("dlv test ./internal/auth -- -test.run TestRefreshToken"); hasEffect(effs, "flow:secret->agent") {
		t.Errorf("dlv test: a test's name read as a printed token: %v", effs)
	}
}

// TestConnectionStringPrinted: a verb that names a connection string
// prints a database's URL with its login, a value and not a name.
func TestConnectionStringPrinted(t *testing.T) {
	for _, line := range []string{
		"neonctl connection-string main --project-id quiet-sun-123",
		"printenv RCON_PW",
		"sanity debug --secrets",
	} {
		if effs := effectsOf(line); !hasEffect(effs, "flow:secret->agent") {
			t.Errorf("%q: want a printed secret, got %v", line, effs)
		}
	}
}

// TestAdminToolVerbs: the administration tools the catalogue lists for
// clusters, server controllers, schedulers and firmware change what others
// rely on by their verbs, print keys by their auth reads, and look by the
// rest. Nothing is run.
func TestAdminToolVerbs(t *testing.T) {
	for line, want := range map[string]string{
		"ceph osd out 12":                  "destroy:deploy",
		"ceph osd pool set volumes size 2": "destroy:deploy",
		"ceph auth get client.admin":       "flow:secret->agent",
		"ceph -s":                          "",
		"ceph osd tree":                    "",
		"ipmitool -I lanplus -H 10.0.5.21 -U admin -E chassis power cycle":  "destroy:deploy",
		"ipmitool -I lanplus -H 10.0.5.21 -U admin -E chassis power status": "",
		"ipmitool -H 10.0.5.21 -U admin -E sel clear":                       "destroy:remote",
		"racadm -r 10.0.5.22 -u root -p x serveraction hardreset":           "destroy:deploy",
		"scontrol update NodeName=gpu01 State=DRAIN":                        "destroy:deploy",
		"scontrol show job 48213":                                           "",
		"scontrol hold 4412094":                                             "",
		"sacctmgr -i add user alice account=ml":                             "destroy:deploy",
		"pgbackrest --stanza=main --delta restore":                          "destroy:deploy",
		"pgbackrest info":           "",
		"fwupdmgr update -y":        "destroy:system",
		"fwupdmgr get-updates":      "",
		"tpm2_unseal -c 0x81000001": "flow:secret->agent",
		"tpm2_clear":                "destroy:system",
		"sf org display --target-org production --verbose":       "flow:secret->agent",
		"sf org display --target-org dev":                        "",
		"john --show hashes.txt":                                 "flow:secret->agent",
		"esphome run kitchen.yaml --device 192.168.1.44":         "destroy:deploy",
		"esphome compile kitchen.yaml":                           "",
		"ha core update":                                         "destroy:deploy",
		"ha core check":                                          "",
		"gremlin attack cpu --length 300 --target-all":           "destroy:deploy",
		"zowe zos-jobs cancel job JOB04999":                      "destroy:deploy",
		"zowe zos-jobs submit local-file jcl/compile.jcl":        "",
		"govc permissions.set -principal alice -role Admin /dc1": "destroy:deploy",
	} {
		effs := effectsOf(line)
		if want == "" {
			for _, e := range effs {
				if d := e.Descriptor(); strings.HasPrefix(d, "flow:") || strings.HasPrefix(d, "destroy:") {
					t.Errorf("%q: want no change or print, got %v", line, effs)
				}
			}
			continue
		}
		if !hasEffect(effs, want) {
			t.Errorf("%q: want %s, got %v", line, want, effs)
		}
	}
}

// TestImageOptionUnlisted: a cloud CLI's update that names the image its
// service runs next ships a build, whether the catalogue lists the option
// or not, and whether it is an option or a NAME=VALUE setting.
func TestImageOptionUnlisted(t *testing.T) {
	for line, want := range map[string]bool{
		"ibmcloud ce app update --name api --image us.icr.io/team/api:1.4.2":        true,
		"ibmcloud ce app update --name api --image=us.icr.io/team/api:1.4.2":        true,
		"scw container container update 123 registry-image=rg.fr-par.scw.cloud/x:2": true,
		"ibmcloud ce app update --name api --min-scale 1":                           false,
		"ibmcloud ce app get --name api":                                            false,
	} {
		if got := hasEffect(effectsOf(line), "destroy:deploy"); got != want {
			t.Errorf("%q: deploy = %v, want %v (%v)", line, got, want, effectsOf(line))
		}
	}
}

// TestKeytabUsedHere: kinit and klist use a keytab on this machine; only
// klist -K prints its keys.
func TestKeytabUsedHere(t *testing.T) {
	for line, want := range map[string]bool{
		"kinit -kt ~/.secret/svc.keytab svc@CORP.EXAMPLE.COM": false,
		"klist -kte ~/.secret/svc.keytab":                     false,
		"klist -kK ~/.secret/svc.keytab":                      true,
	} {
		effs := effectsOf(line)
		if got := hasEffect(effs, "flow:secret->agent"); got != want {
			t.Errorf("%q: printed = %v, want %v (%v)", line, got, want, effs)
		}
		for _, e := range effs {
			if strings.HasPrefix(e.String(), "read /home/dev/.secret/") {
				t.Errorf("%q: the keytab is read out: %v", line, effs)
			}
		}
	}
}

// TestContainerFilePull: lxc file pull reads the container's file at its
// path inside the container (catalogue container-files), as a command run
// in the container reads it, so a key pulled out is a credential read; a
// log is not.
func TestContainerFilePull(t *testing.T) {
	if effs := effectsOf("lxc file pull devbox/root/.secret/id_ed25519 -"); !hasEffect(effs, "read /root/.secret/id_ed25519") {
		t.Errorf("lxc file pull: no read: %v", effs)
	}
	if effs := effectsOf("incus file pull devbox/var/log/syslog ./logs/"); !hasEffect(effs, "write /home/dev/project/logs") {
		t.Errorf("incus file pull: no write of the destination: %v", effs)
	}
}

// TestStatLooks: a CLI's stat or stats verb reports figures; a deploy word
// after it is the kind of resource looked at, and raco's own package
// install is the user's, not the machine's.
func TestStatLooks(t *testing.T) {
	for _, line := range []string{
		"linkerd viz stat deploy -n shop",
		"raco pkg install --auto gregor",
	} {
		for _, e := range effectsOf(line) {
			if strings.HasPrefix(e.Descriptor(), "destroy:") {
				t.Errorf("%q: want no change, got %v", line, effectsOf(line))
			}
		}
	}
}
