package effect

import "testing"

func TestRemoteClient(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{`QdrantClient(url='https://qdrant.prod.acme.io', api_key='k').delete_collection('c')`, true},
		{`weaviate.connect_to_weaviate_cloud('https://prod-kb.weaviate.cloud').collections.delete_all()`, true},
		{`connections.connect(uri='https://in01-prod.zillizcloud.com'); utility.drop_collection('c')`, true},
		{`chromadb.HttpClient(host='chroma.prod.acme.io').delete_collection('c')`, true},
		{`new QdrantClient({url: 'http://localhost:6333', apiKey: k})`, true}, // a key: held for a service
		{`from pinecone import Pinecone; Pinecone().delete_index('prod')`, true},
		{`chromadb.HttpClient(host='localhost').delete_collection('c')`, false},
		{`QdrantClient(url='http://127.0.0.1:6333').delete_collection('c')`, false},
		{`chromadb.PersistentClient(path='./db').delete_collection('c')`, false},
		{`requests.delete('https://api.example.com/x')`, false},                    // judged as the request it is
		{`pd.read_csv('https://example.com/iris.csv').drop(columns=['x'])`, false}, // a URL only named
		{`QdrantClient(':memory:').delete_collection('c')`, false},
		{`QdrantClient(host='localhost:6333').delete_collection('c')`, false},
		{`QdrantClient('https://vec.acme.io:6333').delete_collection('c')`, true},
		{`QdrantClient(location='https://vec.acme.io')`, true},
		{`u='https://vec.acme.io'; QdrantClient(u)`, true},
		{`u=os.environ['U']; QdrantClient(url=u)`, true}, // an address the line cannot tell
		{`u='http://127.0.0.1:6333'; QdrantClient(u)`, false},
		{`redis.Redis.from_url('redis://localhost:6379/0')`, false},
	}
	for _, tt := range tests {
		if got := remoteClient(tt.code); got != tt.want {
			t.Errorf("remoteClient(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
	for a, want := range map[string]string{"https://H.io:6333/x": "h.io", "db://acme-prod": "acme-prod", "u:p@10.0.0.5:6379": "10.0.0.5", "[::1]:80": "::1", ":memory:": "", "./data": ""} {
		if got := addressHost(a); got != want {
			t.Errorf("addressHost(%q) = %q, want %q", a, got, want)
		}
	}
	for args, want := range map[string]bool{`'test-ci-1762')`: true, `"orders_test")`: true, `'prod-embeddings')`: false, `name)`: false} {
		if got := testResource(args); got != want {
			t.Errorf("testResource(%q) = %v, want %v", args, got, want)
		}
	}
}
