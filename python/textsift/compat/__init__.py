"""Drop-in replacements for other libraries' APIs, backed by textsift.

Each module mirrors one peer package: same class and function names, same arguments, same return
shapes, so that switching is a one-line import change.

* :mod:`textsift.compat.nltk`: ``TweetTokenizer``, ``TreebankWordTokenizer``,
  ``NLTKWordTokenizer``, ``casual_tokenize``, ``word_tokenize``, ``SnowballStemmer``,
  ``PorterStemmer``.
* :mod:`textsift.compat.pystemmer`: PyStemmer's ``Stemmer`` module.
* :mod:`textsift.compat.vader`: vaderSentiment's ``SentimentIntensityAnalyzer``.
* :mod:`textsift.compat.afinn`: afinn's ``Afinn``.
"""
