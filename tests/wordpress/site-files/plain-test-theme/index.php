<!doctype html>
<html><head><meta charset="utf-8"><title><?php wp_title(); ?></title></head>
<body>
<?php while (have_posts()) : the_post(); ?>
<article id="post-<?php the_ID(); ?>">
<h1 class="entry-title"><?php the_title(); ?></h1>
<time class="entry-date" datetime="<?php echo esc_attr(get_the_date('c')); ?>"><?php echo esc_html(get_the_date('c')); ?></time>
<?php if (has_post_thumbnail()) : ?><div class="featured"><?php the_post_thumbnail('full'); ?></div><?php endif; ?>
<div class="entry-content"><?php the_content(); ?></div>
<?php if (is_singular()) : ?>
<ol class="comments">
<?php foreach (get_comments(['post_id' => get_the_ID(), 'status' => 'approve', 'order' => 'ASC']) as $comment) : ?>
<li class="comment" data-parent="<?php echo (int) $comment->comment_parent; ?>"><span class="author"><?php echo esc_html($comment->comment_author); ?></span>: <?php echo esc_html($comment->comment_content); ?></li>
<?php endforeach; ?>
</ol>
<?php endif; ?>
</article>
<?php endwhile; ?>
</body></html>
