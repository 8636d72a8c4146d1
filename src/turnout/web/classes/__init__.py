"""A studio's classes: the teacher's class view, joining with a code, a guardian's consent."""
