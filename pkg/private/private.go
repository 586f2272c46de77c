// Package private tells whether a file or directory is open to users other
// than its owner, and makes one private: by its mode bits on Unix, by its
// access control list on Windows, where mode bits say nothing about who
// may open a file.
package private
