## Help

help-text =
    <b>Cómo funciona</b>
    Compra créditos o un pase de tiempo y luego escríbeme aquí: cada mensaje cuesta unos pocos créditos según su tipo, y todos me llegan personalmente.

    /start · bienvenida y tienda
    /balance · tus créditos y tu pase de tiempo
    /buy · créditos y pases de tiempo (rápido: /buy10, /buy25, /buy50)
    /history · tus compras y gastos (exportar a CSV)
    /content · fotos, vídeos y archivos exclusivos
    /language · cambiar el idioma
    /help · esta ayuda
    /terms · condiciones de compra · /privacy · tus datos · /paysupport · ayuda con un pago
