package shell

import (
	"slices"
	"testing"
)

// A service client's delete method is found by its shape; a bare
// delete() and local file calls are not.
func TestClientDeletes(t *testing.T) {
	for _, tc := range []struct {
		code string
		want []string
	}{
		{"from huggingface_hub import HfApi; HfApi().delete_repo('acme/m')", []string{"delete_repo"}},
		{"import boto3; s3 = boto3.client('s3'); s3.delete_object(Bucket='b', Key='k'); s3.delete_bucket(Bucket='b')", []string{"delete_object", "delete_bucket"}},
		{"new S3().deleteBucket({Bucket: 'b'}); new S3().deleteBucket({Bucket: 'c'})", []string{"deleteBucket"}},
		{"cf.destroy_stack(StackName='x')", []string{"destroy_stack"}},
		{"User.objects.filter(active=False).delete()", nil},
		{"import os; os.remove('build/out.txt')", nil},
		{"df.drop_duplicates().to_csv('b.csv')", nil},
	} {
		if got := clientDeletes(tc.code); !slices.Equal(got, tc.want) {
			t.Errorf("clientDeletes(%q) = %q, want %q", tc.code, got, tc.want)
		}
	}
}
