"""Task queues that camera analyses run on."""
