package effect

import (
	"testing"

	"rampart.dev/pkg/shell"
)

// TestEndpointSettings: a cloud CLI is aimed at this machine by the
// settings it reads itself (its options, its own and its service's
// variables set for it, exported earlier in its shell, or given by env),
// and by no other program's: AWS_ENDPOINT_URL moves no gcloud, a
// service's own variable no other service, PUBSUB_EMULATOR_HOST no gcloud
// at all. An export undone, kept in a subshell, cleared by env -i or reset
// by sudo, or a variable set over it, does not reach the command. Nothing
// is run.
func TestEndpointSettings(t *testing.T) {
	for line, want := range map[string]bool{
		"aws --endpoint-url http://localhost:4566 s3 rb s3://x --force":                                                true,
		"AWS_ENDPOINT_URL=http://localhost:4566 aws s3 rb s3://x --force":                                              true,
		"AWS_ENDPOINT_URL_S3=http://localhost:4566 aws s3 rb s3://x --force":                                           true,
		"AWS_ENDPOINT_URL_S3=http://localhost:4566 aws s3api delete-bucket --bucket x":                                 true,
		"AWS_ENDPOINT_URL_DYNAMODB=http://localhost:8000 aws dynamodb delete-table --table-name t":                     true,
		"export AWS_ENDPOINT_URL=http://localhost:4566 && aws s3 rb s3://x --force":                                    true,
		"export AWS_ENDPOINT_URL=http://localhost:4566; aws dynamodb delete-table --table-name t":                      true,
		"declare -x AWS_ENDPOINT_URL=http://localhost:4566; aws s3 rb s3://x --force":                                  true,
		"env AWS_ENDPOINT_URL=http://localhost:4566 aws s3 rb s3://x --force":                                          true,
		"export AWS_ENDPOINT_URL=http://localhost:4566 && terraform destroy -auto-approve":                             true,
		"CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB=http://localhost:8085/ gcloud pubsub topics delete t":                  true,
		"CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB=http://localhost:8085/ gcloud beta pubsub topics delete t":             true,
		"FIRESTORE_EMULATOR_HOST=localhost:8080 firebase firestore:delete --all-collections --force":                   true,
		"BIGTABLE_EMULATOR_HOST=localhost:8086 cbt -project demo -instance local deletetable t":                        true,
		"cbt -admin-endpoint localhost:8086 -data-endpoint localhost:8086 -project p -instance i deletetable t":        true,
		"az storage container delete --name s --connection-string UseDevelopmentStorage=true":                          true,
		"AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true az storage blob delete-batch --source s":           true,
		"az storage container delete -n s --connection-string 'BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;'": true,

		"aws s3 rb s3://x --force":                            false,
		"cbt -project acme-prod -instance main deletetable t": false,
		"BIGTABLE_EMULATOR_HOST=bigtable.acme.net:8086 cbt -project demo -instance local deletetable t":                                   false,
		"AWS_ENDPOINT_URL=http://localhost:4566 gcloud pubsub topics delete t":                                                            false,
		"AWS_ENDPOINT_URL=http://localhost:4566 doctl kubernetes cluster delete prod --force":                                             false,
		"AWS_ENDPOINT_URL_S3=http://localhost:4566 aws dynamodb delete-table --table-name t":                                              false,
		"AWS_ENDPOINT_URL_S3=http://localhost:4566 terraform destroy -auto-approve":                                                       false,
		"AWS_ENDPOINT_URL=http://localhost:4566 AWS_ENDPOINT_URL_S3=https://s3.amazonaws.com aws s3 rb s3://x":                            false,
		"export AWS_ENDPOINT_URL=http://localhost:4566; unset AWS_ENDPOINT_URL; aws s3 rb s3://x --force":                                 false,
		"(export AWS_ENDPOINT_URL=http://localhost:4566); aws s3 rb s3://x --force":                                                       false,
		"export AWS_ENDPOINT_URL=http://localhost:4566 && env -i aws s3 rb s3://x --force":                                                false,
		"export AWS_ENDPOINT_URL=http://localhost:4566 && env -u AWS_ENDPOINT_URL aws s3 rb s3://x --force":                               false,
		"export AWS_ENDPOINT_URL=http://localhost:4566; AWS_ENDPOINT_URL=https://s3.amazonaws.com; aws s3 rb s3://x":                      false,
		"export AWS_ENDPOINT_URL=http://localhost:4566; . ./prod.env; aws s3 rb s3://x --force":                                           false,
		"aws s3 rb s3://x --force; export AWS_ENDPOINT_URL=http://localhost:4566":                                                         false,
		"PUBSUB_EMULATOR_HOST=localhost:8085 gcloud pubsub topics delete t":                                                               false,
		"CLOUDSDK_API_ENDPOINT_OVERRIDES_PUBSUB=http://localhost:8085/ gcloud spanner databases delete d":                                 false,
		"FIRESTORE_EMULATOR_HOST=localhost:8080 gcloud firestore databases delete --database=d":                                           false,
		"FIRESTORE_EMULATOR_HOST=firestore.acme.net:8080 firebase firestore:delete --all-collections --force":                             false,
		"az storage container delete -n s --account-name acmeprod":                                                                        false,
		"az storage container delete -n s --connection-string UseDevelopmentStorage=true --account-name acmeshared":                       false,
		"az storage account delete -n acme -g rg --yes --connection-string UseDevelopmentStorage=true":                                    false,
		"AZURE_STORAGE_CONNECTION_STRING=UseDevelopmentStorage=true az group delete --name rg --yes":                                      false,
		"az storage container delete -n s --connection-string 'UseDevelopmentStorage=true;DevelopmentStorageProxyUri=https://s.acme.net'": false,
		"az storage container delete -n s --connection-string 'AccountName=a;AccountKey=k;EndpointSuffix=core.windows.net'":               false,
		"export AWS_ENDPOINT_URL=http://localhost:4566 && ssh -fNL 4566:10.0.4.20:4566 b && aws s3 rb s3://x --force":                     false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			if c := &res.Commands[i]; c.Name == "aws" || c.Name == "gcloud" || c.Name == "firebase" || c.Name == "az" || c.Name == "terraform" || c.Name == "doctl" || c.Name == "cbt" {
				got = endpointHere(&res, i)
			}
		}
		if got != want {
			t.Errorf("endpointHere(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestSwitchedByLocalTools: a local cluster tool that writes its
// cluster's context into the kubeconfig and switches to it, run before a
// cluster CLI the line depends on it, points that CLI at the cluster.
func TestSwitchedByLocalTools(t *testing.T) {
	for line, want := range map[string]bool{
		"kind export kubeconfig --name dev && kubectl delete ns x":                                    true,
		"minikube update-context && kubectl delete ns x":                                              true,
		"k3d kubeconfig merge dev --kubeconfig-switch-context && kubectl delete ns x":                 true,
		"kind export kubeconfig --name dev --kubeconfig /tmp/k.yaml && kubectl delete ns x":           false,
		"k3d kubeconfig merge dev --kubeconfig-switch-context=false && kubectl delete ns x":           false,
		"k3d kubeconfig merge dev -o /tmp/k.yaml && kubectl delete ns x":                              false,
		"minikube update-context -p dev; kubectl delete ns x":                                         false,
		"kind export kubeconfig --name dev && kubectl config use-context prod && kubectl delete ns x": false,
	} {
		res := shell.Parse(line)
		got := false
		for i := range res.Commands {
			if res.Commands[i].Name == "kubectl" {
				got = LocalCluster(&res, i)
			}
		}
		if got != want {
			t.Errorf("LocalCluster(%q) = %v, want %v", line, got, want)
		}
	}
}
