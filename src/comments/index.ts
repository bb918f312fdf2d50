export { fetchComments, CommentsError, type CommentThread } from './fetch-comments.js';
export { parseCommentPage, CommentShapeError, type CommentPage } from './parse-comments.js';
export { commentsField, commentsJson, commentsMarkdown, commentsWxr, type CommentsDocument } from './render.js';
export { flattenComments, type Comment, type CommentAuthor } from './types.js';
